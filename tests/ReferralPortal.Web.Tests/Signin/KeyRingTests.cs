using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Signin;

/// <summary>With DataProtection:CertificatePath set, the key ring stored in the database is encrypted with the certificate.</summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("rp-keyring-").FullName;

    [Fact]
    public async Task Keys_written_with_a_configured_certificate_are_stored_encrypted()
    {
        var path = Path.Combine(folder, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=ReferralPortal key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "test-password"));
        }

        using var factory = new PortalFactory();
        using var withCertificate = factory.WithWebHostBuilder(b => b
            .UseSetting("DataProtection:CertificatePath", path)
            .UseSetting("DataProtection:CertificatePassword", "test-password"));
        using var client = withCertificate.CreateClient();
        using var login = await client.GetAsync("/account/login"); // the anti-forgery token needs a key

        await using var db = factory.NewDbContext();
        var keys = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
