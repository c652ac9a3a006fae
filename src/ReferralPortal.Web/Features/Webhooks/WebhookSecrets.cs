using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using ReferralPortal.Domain.Integration;

namespace ReferralPortal.Web.Features.Webhooks;

/// <summary>
/// Webhook secrets (<c>whsec_</c> + base64 of 32 random bytes) and Standard Webhooks signatures. Secrets are stored
/// protected by the app's data protection (the shared key ring), because the worker must sign with them.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("ReferralPortal.WebhookSecrets");

    public static string New() => WebhookEndpoint.SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => protector.Protect(secret);

    /// <summary>The <c>webhook-signature</c> header: the current secret's signature, and the previous one's during a rotation overlap.</summary>
    public string SignatureHeader(WebhookEndpoint endpoint, string messageId, long timestamp, string body, DateTime now)
    {
        var signatures = new List<string> { Sign(protector.Unprotect(endpoint.ProtectedSecret), messageId, timestamp, body) };
        if (endpoint.PreviousSecretSigns(now))
        {
            signatures.Add(Sign(protector.Unprotect(endpoint.ProtectedPreviousSecret!), messageId, timestamp, body));
        }

        return string.Join(' ', signatures);
    }

    /// <summary>Standard Webhooks: <c>v1,</c> + base64 HMAC-SHA256, keyed by the base64-decoded part after <c>whsec_</c>, of "id.timestamp.body".</summary>
    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(WebhookEndpoint.SecretPrefix, StringComparison.Ordinal) ? secret[WebhookEndpoint.SecretPrefix.Length..] : secret);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(FormattableString.Invariant($"{messageId}.{timestamp}.{body}")));
        return "v1," + Convert.ToBase64String(mac);
    }
}
