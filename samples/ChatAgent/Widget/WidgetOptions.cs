using ChatAgent.Options;

namespace ChatAgent.Widget;

/// <summary>
/// Which other sites may embed the widget. The widget posts JSON to <c>/agent/run</c>; from a page on another origin
/// the browser only lets it read the answer when the agent says so (CORS). Empty by default: only pages served by the
/// agent itself (the demo page) can talk to it.
/// </summary>
internal sealed class WidgetOptions : IValidatableOptions
{
    public const string AnyOrigin = "*";

    public static string SectionName => "Widget";

    /// <summary>Origins such as <c>https://shop.example</c> (scheme, host and port only), or a single <c>*</c> for any site.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    public bool AllowsAnyOrigin => AllowedOrigins is [AnyOrigin];

    public IEnumerable<string> Validate()
    {
        for (var i = 0; i < AllowedOrigins.Count; i++)
        {
            var value = AllowedOrigins[i];
            if (value == AnyOrigin)
            {
                if (AllowedOrigins.Count > 1)
                {
                    yield return $"{SectionName}:AllowedOrigins:{i} is '*', which already allows every origin; list '*' alone or only named origins.";
                }

                continue;
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                yield return $"{SectionName}:AllowedOrigins:{i} is not an http(s) origin (got '{value}'); write it as https://host[:port].";
            }
            else if (uri.PathAndQuery != "/" || value.EndsWith('/'))
            {
                yield return $"{SectionName}:AllowedOrigins:{i} has a path, query or trailing slash (got '{value}'); an origin is scheme://host[:port] only, e.g. '{uri.GetLeftPart(UriPartial.Authority)}'.";
            }
        }
    }
}
