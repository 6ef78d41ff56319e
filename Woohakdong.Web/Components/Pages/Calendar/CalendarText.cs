namespace Woohakdong.Web.Components.Pages.Calendar;

/// <summary>Marker for the calendar (일정) texts (CalendarText.resx in Korean, CalendarText.en.resx in English).</summary>
public sealed class CalendarText;
