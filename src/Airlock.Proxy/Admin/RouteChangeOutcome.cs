namespace Airlock.Proxy.Admin;

internal enum RouteChangeOutcome
{
    /// <summary>The new table is persisted and serving.</summary>
    Applied,

    /// <summary>The table was not valid; nothing changed.</summary>
    Invalid,

    /// <summary>The caller's version is not the serving generation; nothing changed.</summary>
    Stale,

    /// <summary>The persisted file was changed by another writer; nothing changed.</summary>
    StoreConflict,
}
