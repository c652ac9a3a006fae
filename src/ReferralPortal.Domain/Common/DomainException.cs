namespace ReferralPortal.Domain.Common;

/// <summary>A business rule refused the requested change. The message is safe to show to the user.</summary>
public class DomainException(string message) : Exception(message);

/// <summary>The actor may not do this to this deal (wrong organisation, side or role).</summary>
public sealed class NotAllowedException(string message) : DomainException(message);
