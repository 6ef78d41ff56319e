namespace Woohakdong.Web.Components.Pages.Payments;

/// <summary>Marker for the club payments tab texts (AdminPaymentText.resx in Korean, AdminPaymentText.en.resx in English).</summary>
public sealed class AdminPaymentText;
