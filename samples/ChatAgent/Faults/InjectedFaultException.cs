namespace ChatAgent.Faults;

/// <summary>Thrown by a fault switch; it travels the same unhandled-exception path a real bug would.</summary>
internal sealed class InjectedFaultException(string message) : Exception(message);
