using Airlock.Readiness.Secrets.Engine;
using Airlock.Readiness.Secrets.Rules;
using static Airlock.Readiness.Tests.Secrets.FakeSecret;

namespace Airlock.Readiness.Tests.Secrets;

/// <summary>
/// One realistic fake credential per provider (built from parts, see <see cref="FakeSecret"/>) that the
/// default rules must report under that provider's rule, and a near miss they must not.
/// </summary>
public class DefaultRulesTests
{
    private static readonly SecretDetector Detector = new(SecretRuleSources.LoadDefault());

    public static TheoryData<string, string, string, string> Cases() => new()
    {
        // rule id, path, text with a secret, text without one (a placeholder, a wrong shape, or no context)
        { "openai-api-key", "app/.env", Join("OPENAI_API_KEY=sk-", "proj-", Random(Base64Url, 58), "T3Blbk", "FJ", Random(Base64Url, 58, 2)), "OPENAI_API_KEY=sk-proj-your-key-here" },
        { "anthropic-api-key", "app/.env", Join("ANTHROPIC_API_KEY=sk-ant-", "api03-", Random(Base64Url, 93), "AA"), "ANTHROPIC_API_KEY=sk-ant-api03-xxxxxxxx" },
        { "huggingface-access-token", "train.py", Join("login(token=\"hf", "_", Random(Letters, 34), "\")"), "login(token=\"hf_token_here\")" },
        { "huggingface-organization-token", "cfg.yaml", Join("hf_org: api", "_org_", Random(Letters, 34)), "hf_org: api_org_name" },
        { "google-api-key", "web/gemini.js", Join("const key = \"AI", "za", Random(Base64Url, 35), "\";"), "const key = \"AIza...\";" },
        { "azure-openai-api-key", "appsettings.json", Join("\"AZURE_OPENAI_API_KEY\": \"", Random(Hex, 32), "\""), "\"AZURE_OPENAI_ENDPOINT\": \"https://x.openai.azure.com\"" },
        { "cohere-api-key", ".env", Join("COHERE_API_KEY=", Random(Alnum, 40)), "COHERE_API_KEY=${COHERE_KEY}" },
        { "mistral-api-key", ".env", Join("MISTRAL_API_KEY=", Random(Alnum, 32)), "MISTRAL_MODEL=mistral-large-latest" },
        { "groq-api-key", "agent.py", Join("client = Groq(api_key=\"gs", "k_", Random(Alnum, 52), "\")"), "client = Groq(api_key=os.environ[\"GROQ_API_KEY\"])" },
        { "replicate-api-token", ".env", Join("REPLICATE_API_TOKEN=r8", "_", Random(Alnum, 37)), "REPLICATE_API_TOKEN=r8_xxxx" },
        { "perplexity-api-key", ".env", Join("PPLX_KEY=pplx", "-", Random(Alnum, 48)), "PPLX_KEY=pplx-<your key>" },
        { "openrouter-api-key", ".env", Join("OPENROUTER_API_KEY=sk-or", "-v1-", Random(Hex, 64)), "OPENROUTER_API_KEY=sk-or-v1-..." },
        { "xai-api-key", ".env", Join("XAI_API_KEY=xa", "i-", Random(Alnum, 80)), "XAI_API_KEY=xai-key" },
        { "langsmith-api-key", ".env", Join("LANGSMITH_API_KEY=lsv2", "_pt_", Random(Hex, 32), "_", Random(Hex, 10)), "LANGSMITH_TRACING=true" },
        { "pinecone-api-key", ".env", Join("PINECONE_API_KEY=pcsk", "_", Random(Alnum, 6), "_", Random(Alnum, 63)), "PINECONE_API_KEY=pcsk_..." },
        { "together-api-key", ".env", Join("TOGETHER_API_KEY=", Random(Hex, 64)), "TOGETHER_API_KEY=" },
        { "aws-access-key-id", "deploy.sh", Join("aws_access_key_id = AK", "IA", Random(Upper + "234567", 16)), Join("aws_access_key_id = AK", "IAIOSFODNN7", "EXAMPLE") },
        { "aws-secret-access-key", "deploy.sh", Join("AWS_SECRET_ACCESS_KEY=", Random(Base64, 40)), "AWS_SECRET_ACCESS_KEY=$AWS_SECRET" },
        { "gcp-service-account-key", "sa.json", Join("{\n  \"type\": \"service_account\",\n  \"project_id\": \"p\",\n  \"private_key\": \"-----BEGIN PRIVATE", " KEY-----\\n", Random(Base64, 200), "\\n-----END PRIVATE KEY-----\\n\"\n}"), "{\n  \"type\": \"service_account\",\n  \"project_id\": \"p\"\n}" },
        { "gcp-oauth-client-secret", "client.json", Join("\"client_secret\": \"GOC", "SPX-", Random(Base64Url, 28), "\""), "\"client_secret\": \"GOCSPX-\"" },
        { "azure-storage-account-key", "appsettings.json", Join("DefaultEndpointsProtocol=https;AccountName=x;Account", "Key=", Random(Base64, 86), "==;"), "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=<key>;" },
        { "azure-ad-client-secret", "appsettings.json", Join("\"ClientSecret\": \"", Random(Alnum, 3), "8Q~", Random(Alnum, 34), "\""), "\"ClientSecret\": \"from-key-vault\"" },
        { "digitalocean-token", ".env", Join("DO_TOKEN=do", "p_v1_", Random(Hex, 64)), "DO_TOKEN=dop_v1_" },
        { "heroku-api-key", "heroku.json", Join("\"HEROKU_API_KEY\": \"", Random(Hex, 8), "-", Random(Hex, 4), "-", Random(Hex, 4, 2), "-", Random(Hex, 4, 3), "-", Random(Hex, 12), "\""), "\"HEROKU_APP\": \"my-app\"" },
        { "cloudflare-api-token", ".env", Join("CLOUDFLARE_API_TOKEN=", Random(Base64Url, 40)), "CLOUDFLARE_ZONE=example.org" },
        { "github-token", ".github/x.sh", Join("TOKEN=gh", "p_", Random(Alnum, 36)), "TOKEN=ghp_tooshort" },
        { "github-fine-grained-token", "ci.sh", Join("export GH_TOKEN=github", "_pat_", Random(Alnum, 22), "_", Random(Alnum, 59)), "export GH_TOKEN=github_pat_" },
        { "gitlab-token", "ci.sh", Join("PRIVATE-TOKEN: glp", "at-", Random(Base64Url, 20)), "PRIVATE-TOKEN: glpat-" },
        { "bitbucket-app-password", "ci.sh", Join("BB_APP_PASSWORD=AT", "BB", Random(Alnum, 32)), "BB_APP_PASSWORD=ATBB" },
        { "npm-access-token", "publish.sh", Join("NPM_TOKEN=np", "m_", Random(Alnum, 36)), "NPM_TOKEN=npm_" },
        { "npmrc-auth", ".npmrc", Join("//registry.npmjs.org/:_auth", "Token=", Random(Hex, 8), "-", Random(Hex, 4), "-", Random(Hex, 4, 2), "-", Random(Hex, 4, 3), "-", Random(Hex, 12)), "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" },
        { "pypi-upload-token", ".pypirc", Join("password = pypi-AgEIcHlw", "aS5vcmc", Random(Base64Url, 60)), "password = __token__" },
        { "nuget-api-key", "push.ps1", Join("dotnet nuget push -k oy", "2", Random(Lower + Digits, 43)), "dotnet nuget push -k $env:NUGET_KEY" },
        { "docker-registry-auth", ".docker/config.json", Join("{\"auths\": {\"r.io\": {\"auth\": \"", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("deploy:" + Random(Alnum, 20))), "\"}}}"), "{\"auths\": {\"r.io\": {}}}" },
        { "slack-token", "bot.py", Join("SLACK_BOT_TOKEN = \"xo", "xb-", Random(Digits, 12), "-", Random(Digits, 13), "-", Random(Alnum, 24), "\""), "SLACK_BOT_TOKEN = os.environ[\"SLACK_BOT_TOKEN\"]" },
        { "slack-webhook-url", "notify.sh", Join("curl https://hooks.slack", ".com/services/T", Random(Upper + Digits, 8), "/B", Random(Upper + Digits, 10), "/", Random(Alnum, 24)), "curl https://hooks.slack.com/services/" },
        { "discord-bot-token", "bot.js", Join("// discord\nclient.login('M", Random(Base64Url, 25), ".", Random(Base64Url, 6), ".", Random(Base64Url, 38), "')"), "// discord\nclient.login(process.env.DISCORD_TOKEN)" },
        { "discord-webhook-url", "notify.py", Join("URL = \"https://discord.com/api/web", "hooks/", Random(Digits, 18), "/", Random(Base64Url, 68), "\""), "URL = \"https://discord.com/api/webhooks/{id}/{token}\"" },
        { "telegram-bot-token", "bot.py", Join("TOKEN = \"", Random(Digits, 10), ":A", "A", Random(Base64Url, 33), "\""), "TOKEN = \"12345:ABC\"" },
        { "teams-webhook-url", "alert.ps1", Join("$hook = \"https://contoso.webhook.office", ".com/webhookb2/", Guid(1), "@", Guid(2), "/IncomingWebhook/", Random(Hex, 32), "/", Guid(3), "\""), "$hook = \"https://contoso.webhook.office.com/\"" },
        { "twilio-api-key", ".env", Join("TWILIO_AUTH_TOKEN=", Random(Hex, 32)), "TWILIO_ACCOUNT_REGION=us1" },
        { "sendgrid-api-key", "mail.js", Join("sgMail.setApiKey('S", "G.", Random(Base64Url, 22), ".", Random(Base64Url, 43), "')"), "sgMail.setApiKey(process.env.SENDGRID_API_KEY)" },
        { "mailgun-api-key", "mail.rb", Join("api_key = 'ke", "y-", Random(Hex, 32), "'"), "api_key = 'key-here'" },
        { "mailchimp-api-key", ".env", Join("MAILCHIMP_KEY=", Random(Hex, 32), "-u", "s12"), "MAILCHIMP_SERVER=us12" },
        { "stripe-secret-key", "billing.py", Join("stripe.api_key = \"sk", "_live_", Random(Alnum, 99), "\""), "stripe.api_key = \"sk_live_...\"" },
        { "stripe-webhook-secret", "billing.py", Join("endpoint_secret = 'wh", "sec_", Random(Alnum, 32), "'"), "endpoint_secret = os.environ['STRIPE_WHSEC']" },
        { "paypal-braintree-access-token", "pay.js", Join("BRAINTREE=access_token", "$production$", Random(Lower + Digits, 16), "$", Random(Hex, 32)), "BRAINTREE=access_token$production$" },
        { "square-access-token", "pay.js", Join("const token = 'EA", "AA", Random(Base64Url, 60), "';"), "const token = 'EAAA';" },
        { "shopify-token", "shop.rb", Join("ShopifyAPI::Session.new(token: 'shp", "at_", Random(Hex, 32), "')"), "ShopifyAPI::Session.new(token: ENV['SHOPIFY_TOKEN'])" },
        { "datadog-api-key", "datadog.yaml", Join("DD_API_KEY: ", Random(Hex, 32)), "DD_SITE: datadoghq.eu" },
        { "newrelic-key", "newrelic.js", Join("api_key: 'NR", "AK-", Random(Upper + Digits, 27), "'"), "api_key: 'NRAK-'" },
        { "sentry-auth-token", ".sentryclirc", Join("token=sntry", "s_", Random(Base64, 120)), "token=" },
        { "atlassian-api-token", "jira.sh", Join("JIRA_TOKEN=ATA", "TT3", Random(Base64Url, 186)), "JIRA_TOKEN=ATATT3" },
        { "linear-api-key", ".env", Join("LINEAR_API_KEY=lin", "_api_", Random(Alnum, 40)), "LINEAR_API_KEY=lin_api_" },
        { "notion-integration-token", ".env", Join("NOTION_TOKEN=nt", "n_", Random(Digits, 11), Random(Alnum, 35)), "NOTION_TOKEN=ntn_" },
        { "supabase-service-key", ".env", Join("SUPABASE_SECRET=sb", "_secret_", Random(Base64Url, 36)), "SUPABASE_URL=https://x.supabase.co" },
        { "hashicorp-vault-token", ".env", Join("VAULT_TOKEN=hv", "s.", Random(Base64Url, 120)), "VAULT_TOKEN=hvs." },
        { "private-key", "deploy/id_ed25519", Join("-----BEGIN OPENSSH PRIVATE", " KEY-----\n", Random(Base64, 70), "\n", Random(Base64, 70, 2), "\n-----END OPENSSH PRIVATE KEY-----\n"), "-----BEGIN PUBLIC KEY-----\nMIIBIjANBg\n-----END PUBLIC KEY-----\n" },
        { "putty-private-key", "keys/deploy.ppk", Join("PuTTY-User-", "Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n", Random(Base64, 64), "\n", Random(Base64, 20), "\nPrivate-Lines: 1\n", Random(Base64, 64, 3), "\nPrivate-MAC: ", Random(Hex, 64), "\n"), "PuTTY-User-Key-File-3 is the format of .ppk files." },
        { "jwt", "api.http", Join("Authorization: Bearer ey", "J", Random(Base64Url, 30), ".ey", "J", Random(Base64Url, 60), ".", Random(Base64Url, 43)), "Authorization: Bearer {{token}}" },
        { "connection-string-password", "docker-compose.yml", Join("DATABASE_URL: postgres", "://app:", Random(Alnum, 16), "@db:5432/app"), "DATABASE_URL: postgres://app:${DB_PASSWORD}@db:5432/app" },
        { "ado-connection-string-password", "appsettings.json", Join("\"Default\": \"Server=sql.internal;Database=app;User Id=app;Pass", "word=", Random(Alnum, 16), ";\""), "\"Default\": \"Server=sql.internal;Database=app;Password=********;\"" },
        { "url-credentials", ".git-credentials", Join("https://deploy:", Random(Alnum, 20), "@github.com"), "https://deploy@github.com" },
        { "password-hash", "etc/shadow", Join("admin:$", "6$", Random(Alnum, 16), "$", Random(Alnum + "./", 86), ":19000:0:99999:7:::"), "admin:*:19000:0:99999:7:::" },
        { "rails-master-key", "config/master.key", Random(Hex, 32), "see README" },
        { "pgpass-password", ".pgpass", Join("db.internal:5432:app:app:", Random(Alnum, 16)), "# hostname:port:database:username:password" },
        { "netrc-password", ".netrc", Join("machine api.example.net login deploy pass", "word ", Random(Alnum, 16)), "machine api.example.net login deploy" },
        { "login-call-password", "sync.js", Join("conn.login('ops@example.net', '", Random(Alnum, 14), "', cb)"), "conn.login(user, process.env.SF_PASSWORD, cb)" },
        { "generic-password-assignment", "deploy.json", Join("\"password\": \"", Random(Alnum + "!#%", 14), "\""), "\"password\": \"${DEPLOY_PASSWORD}\"" },
        { "generic-password-unquoted", "app/.env", Join("DB_PASSWORD=", Random(Alnum, 12)), "DB_PASSWORD=${DB_PASSWORD}" },
        { "xml-password-element", "settings.xml", Join("<server><id>r</id><pass", "word>", Random(Alnum, 16), "</password></server>"), "<server><id>r</id><password>${env.REPO_PASSWORD}</password></server>" },
        { "generic-secret-assignment", "settings.py", Join("SECRET_KEY = '", Random(Alnum + "!@#$%^&*(-_=+)", 50), "'"), "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Detect_ProviderCredential_IsReportedUnderItsRule(string ruleId, string path, string leaked, string clean)
    {
        _ = clean;

        var matches = Detector.Detect(new SecretFragment(path, leaked));

        Assert.Contains(matches, m => m.RuleId == ruleId);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Detect_ProviderNearMiss_IsNotReportedUnderItsRule(string ruleId, string path, string leaked, string clean)
    {
        _ = leaked;

        var matches = Detector.Detect(new SecretFragment(path, clean));

        Assert.DoesNotContain(matches, m => m.RuleId == ruleId);
    }

    [Fact]
    public void Cases_CoverEveryDefaultRule()
    {
        var covered = Cases().Select(row => (string)row[0]).ToHashSet();
        var rules = SecretRuleSources.LoadDefault().Rules.Select(r => r.Id).Where(id => id != "pkcs12-keystore-file");

        Assert.All(rules, id => Assert.Contains(id, covered));
    }

    [Fact]
    public void Detect_Pkcs12File_IsReportedAsAFile()
    {
        var matches = Detector.Detect(new SecretFragment("certs/Signing.PFX", "\u0030\u0082binary"));

        Assert.Contains(matches, m => m.RuleId == "pkcs12-keystore-file" && m.IsFileFinding);
    }

    [Theory]
    [InlineData("vendor/lib/config.env")]
    [InlineData("web/node_modules/pkg/.env")]
    [InlineData("package-lock.json")]
    public void Detect_VendoredOrLockFiles_AreNotScanned(string path)
    {
        var text = Join("TOKEN=gh", "p_", Random(Alnum, 36));

        Assert.Empty(Detector.Detect(new SecretFragment(path, text)));
    }

    [Theory]
    [InlineData("API_KEY=${API_KEY}")]
    [InlineData("api_key: \"<your-api-key>\"")]
    [InlineData("token = \"{{ secrets.TOKEN }}\"")]
    [InlineData("SECRET_KEY=xxxxxxxxxxxxxxxxxxxx")]
    [InlineData("auth_token = get_token()")]
    [InlineData("public_key = \"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\"")]
    [InlineData("password = \"\"")]
    [InlineData("token_url = \"https://auth.example.net/oauth/token\"")]
    public void Detect_PlaceholdersAndReferences_AreNotReported(string line)
    {
        Assert.Empty(Detector.Detect(new SecretFragment("config/app.env", line)));
    }

    private static string Guid(int seed) => Join(Random(Hex, 8, seed), "-", Random(Hex, 4, seed), "-", Random(Hex, 4, seed + 10), "-", Random(Hex, 4, seed + 20), "-", Random(Hex, 12, seed));
}
