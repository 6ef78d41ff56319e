using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Common;
using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Notifications.Email;

namespace Woohakdong.Core.Notifications;

public static class NotificationsRegistration
{
    /// <summary>The outbox, the inbox, the settings and the e-mail worker on this instance (SMTP or the local outbox).</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization();
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<MailOptions>, MailOptionsDefaults>();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddEventChannel<InboxChanged>(configuration, "inbox");
        services.AddSingleton<PendingEmails>();
        services.AddSingleton<NotificationAnnouncer>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<NotificationRenderer>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<NotificationSettings>();
        services.AddSingleton<IEmailSender<AppUser>, AccountMails>();

        services.TryAddSingleton<OwnServerAddress>();
        services.AddSingleton<EmailLinks>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<LocalMailbox>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
            ? ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp)
            : sp.GetRequiredService<LocalMailbox>());
        services.AddScoped<EmailOutbox>();
        services.AddScoped<EmailBatch>();
        services.AddHostedService<EmailWorker>();
        return services;
    }
}
