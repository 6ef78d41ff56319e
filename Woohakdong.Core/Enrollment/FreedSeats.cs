using Woohakdong.Core.Common;

namespace Woohakdong.Core.Enrollment;

/// <summary>
/// Wakes this instance's waitlist offers when a seat freed here is owed to a waitlist; seats freed on another instance
/// are offered there, or found by the offers' own sweep.
/// </summary>
public sealed class FreedSeats : WakeSignal;
