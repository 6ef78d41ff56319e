namespace Woohakdong.Core.Data;

/// <summary>Stamped by <see cref="AuditInterceptor"/>; entities never set these themselves.</summary>
public interface IAuditable
{
    DateTimeOffset CreatedAt { get; set; }
    Guid? CreatedBy { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
    Guid? UpdatedBy { get; set; }
}
