namespace Woohakdong.Web.Components.Pages.Events;

/// <summary>Marker for the event (행사) texts (EventText.resx in Korean, EventText.en.resx in English).</summary>
public sealed class EventText;
