namespace Woohakdong.Web.Components.Pages.Payments;

/// <summary>Marker for the payment texts (PaymentText.resx in Korean, PaymentText.en.resx in English).</summary>
public sealed class PaymentText;
