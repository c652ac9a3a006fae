using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;
using ReferralPortal.Domain.Notifications;

namespace ReferralPortal.Web.Features.Notifications;

/// <summary>Delivers one outbox message; throws when delivery failed (the outbox retries later).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}

/// <summary>The default sender: logs each message, and writes it as an .eml file when <c>Email:PickupDirectory</c> is set.</summary>
public sealed class LogEmailSender(IOptions<EmailOptions> options, ILogger<LogEmailSender> log) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        // The id leads to the outbox row; the recipient's address is personal data and stays out of the log.
        log.LogInformation("E-mail {Id}: {Subject}", message.Id, message.Subject);
        var folder = options.Value.PickupDirectory;
        if (string.IsNullOrWhiteSpace(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var eml = $"From: {options.Value.From}\r\nTo: {message.To}\r\nSubject: {message.Subject}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{message.Body}\r\n";
        await File.WriteAllTextAsync(Path.Combine(folder, $"{message.CreatedAt:yyyyMMddHHmmss}-{message.Id}.eml"), eml, ct);
    }
}

/// <summary>Sends through the SMTP relay configured by <c>Email:SmtpHost</c>, <c>SmtpPort</c>, <c>SmtpUser</c>, <c>SmtpPassword</c>, <c>SmtpEnableSsl</c>.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var o = options.Value;
        using var client = new SmtpClient(o.SmtpHost, o.SmtpPort) { EnableSsl = o.SmtpEnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (!string.IsNullOrEmpty(o.SmtpUser))
        {
            client.Credentials = new NetworkCredential(o.SmtpUser, o.SmtpPassword);
        }

        using var mail = new MailMessage(o.From, message.To, message.Subject, message.Body);
        await client.SendMailAsync(mail, ct);
    }
}
