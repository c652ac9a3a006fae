using System.Net;
using System.Net.Sockets;

namespace ReferralPortal.Web.Features.Webhooks;

/// <summary>Thrown by the connect guard: the endpoint's host resolved to an address webhooks may not reach.</summary>
public sealed class WebhookAddressRefusedException(string message) : Exception(message);

/// <summary>
/// Where webhooks may go (SSRF): only https outside Development, and never to loopback, private, carrier-grade NAT,
/// link-local (the cloud metadata address included), unique-local or unspecified addresses, in IPv4, IPv6 or
/// IPv4-mapped form, unless <c>Webhooks:AllowPrivateNetworks</c>. Checked when the URL is saved and again at every
/// connection, on the addresses actually connected to, so a DNS answer that changes after saving (rebinding) is caught.
/// </summary>
public static class WebhookAddressRules
{
    public const string PrivateAddressMessage = "This address is on a loopback, private or link-local network: webhooks cannot be sent there.";

    private static readonly (IPAddress Network, int Prefix)[] Blocked =
    [
        (IPAddress.Parse("0.0.0.0"), 8),
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16),
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("224.0.0.0"), 4),
        (IPAddress.Parse("240.0.0.0"), 4),
        (IPAddress.Parse("::"), 128),
        (IPAddress.Parse("::1"), 128),
        (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("ff00::"), 8),
    ];

    /// <summary>Whether webhooks may never be sent to this address.</summary>
    public static bool IsBlocked(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        else if (address.AddressFamily == AddressFamily.InterNetworkV6 && IsNat64(address, out var embedded))
        {
            // 64:ff9b::/96 reaches the IPv4 address in its last 32 bits.
            address = embedded;
        }

        return Blocked.Any(b => b.Network.AddressFamily == address.AddressFamily && InNetwork(address, b.Network, b.Prefix));
    }

    /// <summary>Why this URL cannot be saved, or null. Host names are resolved now; one that does not resolve is left to the connect-time check.</summary>
    public static async Task<string?> WhyNotAsync(string? url, bool httpAllowed, bool allowPrivateNetworks, CancellationToken ct)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "Enter a full URL starting with https://.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !httpAllowed)
        {
            return "Use an https:// URL: webhooks are only sent over https.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "Leave the user name and password out of the URL.";
        }

        if (allowPrivateNetworks)
        {
            return null;
        }

        var addresses = await ResolveAsync(uri.IdnHost, ct);
        return addresses.Any(IsBlocked) ? PrivateAddressMessage : null;
    }

    /// <summary>The connect guard for the webhook client's <see cref="SocketsHttpHandler"/>.</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback(bool allowPrivateNetworks) => async (context, ct) =>
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        if (addresses.Length == 0)
        {
            throw new WebhookAddressRefusedException($"{host} does not resolve.");
        }

        if (!allowPrivateNetworks && addresses.Any(IsBlocked))
        {
            throw new WebhookAddressRefusedException($"Refused: {host} resolves to a loopback, private or link-local address.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    };

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        try
        {
            return await Dns.GetHostAddressesAsync(host, ct);
        }
        catch (SocketException)
        {
            return [];
        }
    }

    private static bool IsNat64(IPAddress address, out IPAddress embedded)
    {
        var bytes = address.GetAddressBytes();
        var nat64 = bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes[4..12].All(b => b == 0);
        embedded = nat64 ? new IPAddress(bytes[12..]) : address;
        return nat64;
    }

    private static bool InNetwork(IPAddress address, IPAddress network, int prefix)
    {
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        for (var i = 0; i < a.Length && prefix > 0; i++, prefix -= 8)
        {
            var mask = prefix >= 8 ? 0xFF : (byte)(0xFF << (8 - prefix));
            if ((a[i] & mask) != (n[i] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
