using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace ReferralPortal.Web.Tests.Webhooks;

/// <summary>One webhook request as a receiver saw it.</summary>
public sealed record ReceivedWebhook(string? Id, string? Timestamp, string? Signature, string Body);

/// <summary>
/// A real HTTP receiver on loopback (HttpListener) that records every request and answers as <see cref="Respond"/> says.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly TaskCompletionSource firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebhookReceiver(int port)
    {
        Url = $"http://127.0.0.1:{port}/hook";
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(ListenAsync);
    }

    public string Url { get; }

    public int Port => new Uri(Url).Port;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>The answer to each request: a status code and a body (200, empty by default).</summary>
    public Func<ReceivedWebhook, Task<(int Status, string Body)>> Respond { get; set; } = _ => Task.FromResult((200, string.Empty));

    /// <summary>Completes when the first request has arrived (before it is answered).</summary>
    public Task FirstRequest => firstRequest.Task;

    public static WebhookReceiver Start()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new WebhookReceiver(port);
    }

    /// <summary>
    /// The Standard Webhooks check, written here from the specification and not from the app's code: HMAC-SHA256 keyed
    /// by the base64-decoded secret after "whsec_", over "id.timestamp.body"; one of the space-separated "v1," signatures must match.
    /// </summary>
    public static bool Verifies(string secret, ReceivedWebhook message)
    {
        if (message.Id is null || message.Timestamp is null || message.Signature is null)
        {
            return false;
        }

        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        using var hmac = new HMACSHA256(key);
        var expected = Encoding.ASCII.GetBytes(Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(message.Id + "." + message.Timestamp + "." + message.Body))));
        return message.Signature.Split(' ').Any(s => s.StartsWith("v1,", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s[3..]), expected));
    }

    public void Dispose() => listener.Close();

    private async Task ListenAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var message = new ReceivedWebhook(context.Request.Headers["webhook-id"], context.Request.Headers["webhook-timestamp"], context.Request.Headers["webhook-signature"], await reader.ReadToEndAsync());
            Received.Enqueue(message);
            firstRequest.TrySetResult();
            var (status, body) = await Respond(message);
            context.Response.StatusCode = status;
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The dispatcher gave up on this request (the timeout test): nothing to answer.
        }
    }
}
