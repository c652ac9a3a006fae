using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Signin;

/// <summary>
/// The portal with the sign-in limits at their defaults, where each request can come from a client address of its
/// own: the test server has no network, so the <see cref="PeerHeader"/> header stands for the TCP peer (set before
/// any of the app's middleware, forwarded headers included, runs).
/// </summary>
public sealed class SigninFactory : PortalFactory
{
    public const string PeerHeader = "X-Test-Peer";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:AddressFailuresBeforeBlock", "20");
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", "10.0.0.1");
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerFromHeader>());
    }

    public PortalClient ClientFrom(string peer, string? forwardedFor = null)
    {
        var client = CreatePortalClient();
        client.Http.DefaultRequestHeaders.Add(PeerHeader, peer);
        if (forwardedFor is not null)
        {
            client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return client;
    }

    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer) && IPAddress.TryParse(peer, out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
