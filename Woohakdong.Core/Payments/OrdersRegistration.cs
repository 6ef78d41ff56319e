using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Payments.Inbox;

namespace Woohakdong.Core.Payments;

public static class OrdersRegistration
{
    /// <summary>Paid joins, their completion and the reconciler; the <see cref="IPaymentGateway"/> is registered by its own feature.</summary>
    public static IServiceCollection AddOrders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaymentOptions>().Bind(configuration.GetSection(PaymentOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PaymentOptions>, PaymentOptionsValidator>();
        services.AddEventChannel<OrderChanged>(configuration, "orders");
        services.AddScoped<OrderLedger>();
        services.AddScoped<OrderRefunds>();
        services.AddScoped<PaidOrderSettlement>();
        services.AddScoped<OrderCompletion>();
        services.AddScoped<BulkCompletion>();
        services.AddScoped<OrderReconciliation>();
        services.AddScoped<MyOrders>();
        services.AddScoped<ClubPayments>();
        services.AddScoped<SeatRefund>();
        services.AddScoped<AdminRefund>();
        services.AddScoped<StartPaidJoin>();
        services.AddHostedService<Reconciler>();
        services.AddSingleton<WebhookArrivals>();
        services.AddScoped<WebhookInbox>();
        services.AddSingleton<WebhookIntake>();
        services.AddHostedService(provider => provider.GetRequiredService<WebhookIntake>());
        services.AddScoped<WebhookNoticeBatch>();
        services.AddScoped<WebhookReceipts>();
        services.AddHostedService<WebhookReceiptPruner>();
        services.AddHostedService<WebhookNoticeWorker>();
        return services;
    }
}
