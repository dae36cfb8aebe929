/*
 * test_price_fetch.c — the fetch layer without a server: which URLs may be
 * fetched (https, or http to loopback only), endpoint resolution, how index
 * URLs resolve, the real AWS index files, retry policy and body sniffing.
 */
#include "pricing/fetch.h"
#include "pricing/pricing.h"

#include "src/core/mem.h"

#include <criterion/criterion.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define SHARED "fixtures/external/data/aws-prices/"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    sbuf b = SBUF_INIT;
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sbuf_add(&b, buf, n);
    fclose(f);
    *len = b.len;
    return sbuf_detach(&b);
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* ---- loopback and URL policy ---- */

Test(price_url, loopback_hosts_are_recognised_by_their_text)
{
    const char *yes[] = {"localhost", "LocalHost", "localhost.", "127.0.0.1", "127.255.3.9",
                         "[::1]", "::1", "0:0:0:0:0:0:0:1", "[::ffff:127.0.0.1]"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        cr_expect(price_host_is_loopback(yes[i]), "%s should be loopback", yes[i]);
    const char *no[] = {"",           "example.com",       "128.0.0.1", "10.0.0.1", "0.0.0.0",
                        "[::2]",      "127.0.0.1.nip.io",  "localhost.example.com",
                        "[::1",       "::ffff:10.0.0.1",   "127.1"};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        cr_expect(!price_host_is_loopback(no[i]), "%s should not be loopback", no[i]);
    cr_expect(!price_host_is_loopback(NULL));
}

Test(price_url, https_anywhere_http_only_to_loopback)
{
    cir_err err;
    cr_expect_eq(price_url_check("https://pricing.us-east-1.amazonaws.com/offers", &err), CIR_OK);
    cr_expect_eq(price_url_check("http://127.0.0.1:8080/x", &err), CIR_OK);
    cr_expect_eq(price_url_check("http://localhost/x", &err), CIR_OK);
    cr_expect_eq(price_url_check("http://[::1]:9/x", &err), CIR_OK);

    cr_assert_eq(price_url_check("http://pricing.example.com/x", &err), CIR_EUSAGE);
    cr_expect(strstr(err.msg, "loopback"), "message: %s", err.msg);
    cr_expect_str_eq(err.topic, "http://pricing.example.com/x");
    cr_expect_eq(price_url_check("http://127.0.0.1.nip.io/x", &err), CIR_EUSAGE);
    cr_expect_eq(price_url_check("http://10.1.2.3/x", &err), CIR_EUSAGE);
    cr_assert_eq(price_url_check("ftp://127.0.0.1/x", &err), CIR_EUSAGE);
    cr_expect(strstr(err.msg, "unsupported scheme"), "message: %s", err.msg);
    cr_expect_eq(price_url_check("file:///etc/passwd", &err), CIR_EUSAGE);
    cr_expect_eq(price_url_check("not a url", &err), CIR_EUSAGE);
    cr_expect_eq(price_url_check("", &err), CIR_EUSAGE);
}

Test(price_url, endpoint_flag_then_env_then_aws)
{
    cir_err err;
    char *ep;
    unsetenv("CIRCUIT_PRICING_URL");
    cr_assert_eq(price_endpoint_resolve(NULL, &ep, &err), CIR_OK);
    cr_expect_str_eq(ep, "https://pricing.us-east-1.amazonaws.com");
    free(ep);

    setenv("CIRCUIT_PRICING_URL", "http://127.0.0.1:4000/", 1);
    cr_assert_eq(price_endpoint_resolve(NULL, &ep, &err), CIR_OK);
    cr_expect_str_eq(ep, "http://127.0.0.1:4000");
    free(ep);

    cr_assert_eq(price_endpoint_resolve("https://mirror.example.org/aws//", &ep, &err), CIR_OK);
    cr_expect_str_eq(ep, "https://mirror.example.org/aws");
    free(ep);

    setenv("CIRCUIT_PRICING_URL", "http://mirror.example.org", 1);
    cr_assert_eq(price_endpoint_resolve(NULL, &ep, &err), CIR_EUSAGE);
    cr_expect_null(ep);
    cr_expect_str_eq(err.topic, "CIRCUIT_PRICING_URL");
    cr_expect(strstr(err.msg, "http://mirror.example.org") && strstr(err.msg, "loopback"),
              "message: %s", err.msg);

    cr_assert_eq(price_endpoint_resolve("https://h.example/?x=1", &ep, &err), CIR_EUSAGE);
    cr_expect_str_eq(err.topic, "--endpoint");
}

Test(price_url, index_urls_resolve_against_the_endpoint)
{
    cir_err err;
    char *u;
    cr_assert_eq(price_url_join("https://pricing.us-east-1.amazonaws.com",
                                "/offers/v1.0/aws/AmazonEC2/current/region_index.json", &u, &err),
                 CIR_OK);
    cr_expect_str_eq(u, "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/"
                        "current/region_index.json");
    free(u);
    cr_assert_eq(price_url_join("http://127.0.0.1:99/mirror/", "/offers/x.json", &u, &err), CIR_OK);
    cr_expect_str_eq(u, "http://127.0.0.1:99/mirror/offers/x.json");
    free(u);
    cr_assert_eq(price_url_join("http://127.0.0.1:99", "https://other.example/x.json", &u, &err),
                 CIR_OK);
    cr_expect_str_eq(u, "https://other.example/x.json");
    free(u);

    /* an index cannot downgrade us to plain http elsewhere */
    cr_expect_eq(price_url_join("https://a.example", "http://evil.example/x.json", &u, &err),
                 CIR_EINPUT);
    cr_expect_null(u);
    cr_expect(strstr(err.msg, "loopback"), "message: %s", err.msg);
    cr_expect_eq(price_url_join("https://a.example", "//evil.example/x.json", &u, &err), CIR_EINPUT);
    cr_expect_eq(price_url_join("https://a.example", "offers/x.json", &u, &err), CIR_EINPUT);
    cr_expect_eq(price_url_join("https://a.example", "", &u, &err), CIR_EINPUT);
}

Test(price_url, csv_form_of_an_offer_file)
{
    cir_err err;
    char *u;
    cr_assert_eq(price_url_csv("https://h/offers/v1.0/aws/AmazonEC2/20250523232744/us-east-1/index.json",
                               &u, &err),
                 CIR_OK);
    cr_expect_str_eq(u, "https://h/offers/v1.0/aws/AmazonEC2/20250523232744/us-east-1/index.csv");
    free(u);
    cr_expect_eq(price_url_csv("https://h/offers/index.csv", &u, &err), CIR_EINPUT);
    cr_expect_eq(price_url_csv(".json", &u, &err), CIR_EINPUT);
}

/* ---- index files ---- */

Test(price_index, real_offer_index_gives_region_index_urls)
{
    size_t len;
    char *text = slurp(SHARED "ec2-priceit/1-global-service-index.json", &len);
    price_index *ix;
    cir_err err;
    cr_assert_eq(price_index_parse(text, len, "index.json", &ix, &err), CIR_OK, "%s", err.msg);
    cr_expect_str_eq(price_index_published(ix), "2025-09-12T23:25:36Z");
    const char *url;
    cr_assert_eq(price_index_offer(ix, "AmazonEC2", &url, &err), CIR_OK);
    cr_expect_str_eq(url, "/offers/v1.0/aws/AmazonEC2/current/region_index.json");
    cr_assert_eq(price_index_offer(ix, "awskms", &url, &err), CIR_OK);
    cr_expect_str_eq(url, "/offers/v1.0/aws/awskms/current/region_index.json");

    cr_assert_eq(price_index_offer(ix, "AmazonEc2", &url, &err), CIR_EINPUT);
    cr_expect_null(url);
    cr_expect_str_eq(err.topic, "index.json");
    cr_expect(starts_with(err.msg, "unknown service \"AmazonEc2\"; available: AmazonEC2, "),
              "message: %s", err.msg);
    cr_expect(strstr(err.msg, "(242 in all)"), "message: %s", err.msg);
    price_index_free(ix);
    free(text);
}

Test(price_index, every_default_offer_is_in_the_real_offer_index)
{
    size_t len;
    char *text = slurp(SHARED "ec2-priceit/1-global-service-index.json", &len);
    price_index *ix;
    cir_err err;
    cr_assert_eq(price_index_parse(text, len, "index.json", &ix, &err), CIR_OK);
    size_t n = 0;
    for (const char *const *s = price_default_services; *s; s++, n++) {
        const char *url;
        cr_expect_eq(price_index_offer(ix, *s, &url, &err), CIR_OK, "%s: %s", *s, err.msg);
    }
    cr_expect_geq(n, 15);
    price_index_free(ix);
    free(text);
}

Test(price_index, real_region_index_gives_version_urls)
{
    size_t len;
    char *text = slurp(SHARED "awsInstanceData/AmazonEC2-region_index.json", &len);
    price_index *ix;
    cir_err err;
    cr_assert_eq(price_index_parse(text, len, "region_index.json", &ix, &err), CIR_OK);
    const char *url;
    cr_assert_eq(price_index_region(ix, "AmazonEC2", "eu-west-1", &url, &err), CIR_OK);
    cr_expect_str_eq(url, "/offers/v1.0/aws/AmazonEC2/20250523232744/eu-west-1/index.json");

    cr_assert_eq(price_index_region(ix, "AmazonEC2", "us-east-9", &url, &err), CIR_EINPUT);
    cr_expect(starts_with(err.msg, "AmazonEC2 has no price list for region \"us-east-9\"; "
                                   "available: us-east-1, us-east-2, "),
              "message: %s", err.msg);
    cr_expect(strstr(err.msg, "(101 in all)"), "message: %s", err.msg);
    /* an offer index is not a region index */
    cr_expect_eq(price_index_offer(ix, "AmazonEC2", &url, &err), CIR_EPARSE);
    price_index_free(ix);
    free(text);
}

Test(price_index, savings_plan_style_region_array)
{
    size_t len;
    char *text = slurp(SHARED "ec2-priceit/4-currentSavingsPlanIndexUrl-list.json", &len);
    price_index *ix;
    cir_err err;
    cr_assert_eq(price_index_parse(text, len, "sp.json", &ix, &err), CIR_OK, "%s", err.msg);
    const char *url;
    cr_assert_eq(price_index_region(ix, "AWSComputeSavingsPlan", "ap-east-2", &url, &err), CIR_OK,
                 "%s", err.msg);
    cr_expect(strstr(url, "ap-east-2"), "url: %s", url);
    cr_expect_eq(price_index_region(ix, "AWSComputeSavingsPlan", "xx-nowhere-1", &url, &err),
                 CIR_EINPUT);
    price_index_free(ix);
    free(text);
}

Test(price_index, rejects_what_is_not_an_index)
{
    price_index *ix;
    cir_err err;
    const char *html = "<!DOCTYPE html><html><body>Access denied</body></html>";
    cr_assert_eq(price_index_parse(html, strlen(html), "u", &ix, &err), CIR_EPARSE);
    cr_expect_null(ix);
    cr_expect(strstr(err.msg, "HTML"), "message: %s", err.msg);
    cr_expect_eq(price_index_parse("{\"a\":1}", 7, "u", &ix, &err), CIR_EPARSE);
    cr_expect(strstr(err.msg, "not a price-list index"), "message: %s", err.msg);
    cr_expect_eq(price_index_parse("{\"offers\":", 10, "u", &ix, &err), CIR_EPARSE);
    cr_expect_eq(price_index_parse("", 0, "u", &ix, &err), CIR_EPARSE);

    const char *bad = "{\"offers\":{\"AmazonEC2\":{\"offerCode\":\"AmazonEC2\"}}}";
    cr_assert_eq(price_index_parse(bad, strlen(bad), "u", &ix, &err), CIR_OK);
    const char *url;
    cr_expect_eq(price_index_offer(ix, "AmazonEC2", &url, &err), CIR_EPARSE);
    cr_expect(strstr(err.msg, "currentRegionIndexUrl"), "message: %s", err.msg);
    price_index_free(ix);

    const char *badr = "{\"regions\":{\"us-east-1\":{\"currentVersionUrl\":7}}}";
    cr_assert_eq(price_index_parse(badr, strlen(badr), "u", &ix, &err), CIR_OK);
    cr_expect_eq(price_index_region(ix, "S", "us-east-1", &url, &err), CIR_EPARSE);
    price_index_free(ix);
}

Test(price_index, suggestions_put_the_closest_first_and_count_the_rest)
{
    const char *names[] = {"zeta", "AmazonRDS", "AmazonEC2", "AmazonECS", "alpha"};
    sbuf b = SBUF_INIT;
    price_suggest(&b, names, 5, "amazonec", 3);
    cr_expect_str_eq(sbuf_str(&b), "AmazonEC2, AmazonECS, AmazonRDS, ... (5 in all)");
    sbuf_reset(&b);
    price_suggest(&b, names, 2, "x", 10);
    cr_expect_str_eq(sbuf_str(&b), "zeta, AmazonRDS");
    sbuf_reset(&b);
    price_suggest(&b, names, 0, "x", 10);
    cr_expect_str_eq(sbuf_str(&b), "(none)");
    sbuf_free(&b);
}

/* ---- retry policy, configuration, sniffing ---- */

Test(price_fetch, retries_transient_failures_only)
{
    cr_expect(price_fetch_retryable(CURLE_OK, 500));
    cr_expect(price_fetch_retryable(CURLE_OK, 503));
    cr_expect(price_fetch_retryable(CURLE_OK, 429));
    cr_expect(price_fetch_retryable(CURLE_OK, 408));
    cr_expect(!price_fetch_retryable(CURLE_OK, 403));
    cr_expect(!price_fetch_retryable(CURLE_OK, 404));
    cr_expect(!price_fetch_retryable(CURLE_OK, 200));
    cr_expect(price_fetch_retryable(CURLE_OPERATION_TIMEDOUT, 0));
    cr_expect(price_fetch_retryable(CURLE_PARTIAL_FILE, 200));
    cr_expect(price_fetch_retryable(CURLE_RECV_ERROR, 200));
    cr_expect(price_fetch_retryable(CURLE_COULDNT_CONNECT, 0));
    cr_expect(price_fetch_retryable(CURLE_GOT_NOTHING, 0));
    cr_expect(!price_fetch_retryable(CURLE_PEER_FAILED_VERIFICATION, 0));
    cr_expect(!price_fetch_retryable(CURLE_SSL_CONNECT_ERROR, 0));
    cr_expect(!price_fetch_retryable(CURLE_COULDNT_RESOLVE_HOST, 0));
    cr_expect(!price_fetch_retryable(CURLE_WRITE_ERROR, 200));
    cr_expect(!price_fetch_retryable(CURLE_ABORTED_BY_CALLBACK, 200));
}

Test(price_fetch, backoff_doubles_and_is_capped)
{
    price_fetch_cfg cfg = {.tries = 3, .retry_delay_ms = 500};
    cr_expect_eq(price_fetch_backoff_ms(&cfg, 2), 500);
    cr_expect_eq(price_fetch_backoff_ms(&cfg, 3), 1000);
    cr_expect_eq(price_fetch_backoff_ms(&cfg, 4), 2000);
    cr_expect_eq(price_fetch_backoff_ms(&cfg, 40), 30000);
    cfg.retry_delay_ms = 0;
    cr_expect_eq(price_fetch_backoff_ms(&cfg, 3), 0);
}

Test(price_fetch, configuration_from_the_environment)
{
    price_fetch_cfg cfg;
    cir_err err;
    unsetenv("CIRCUIT_RETRIES");
    unsetenv("CIRCUIT_RETRY_DELAY_MS");
    unsetenv("CIRCUIT_STALL_TIMEOUT");
    unsetenv("CIRCUIT_CONNECT_TIMEOUT");
    cr_assert_eq(price_fetch_cfg_env(&cfg, &err), CIR_OK);
    cr_expect_eq(cfg.tries, 3);
    cr_expect_eq(cfg.retry_delay_ms, 500);
    cr_expect_eq(cfg.stall_timeout_s, 30);
    cr_expect_eq(cfg.connect_timeout_s, 15);

    setenv("CIRCUIT_RETRY_DELAY_MS", "20", 1);
    setenv("CIRCUIT_STALL_TIMEOUT", "2", 1);
    cr_assert_eq(price_fetch_cfg_env(&cfg, &err), CIR_OK);
    cr_expect_eq(cfg.retry_delay_ms, 20);
    cr_expect_eq(cfg.stall_timeout_s, 2);

    setenv("CIRCUIT_RETRIES", "0", 1);
    cr_assert_eq(price_fetch_cfg_env(&cfg, &err), CIR_EUSAGE);
    cr_expect_str_eq(err.topic, "CIRCUIT_RETRIES");
    setenv("CIRCUIT_RETRIES", "2x", 1);
    cr_expect_eq(price_fetch_cfg_env(&cfg, &err), CIR_EUSAGE);
}

Test(price_fetch, sniffs_what_a_body_is)
{
    cr_expect_eq(price_body_sniff("\"FormatVersion\",\"v1.0\"", 22), PRICE_BODY_CSV);
    cr_expect_eq(price_body_sniff("\xEF\xBB\xBF\"FormatVersion\"", 18), PRICE_BODY_CSV);
    cr_expect_eq(price_body_sniff("FormatVersion,v1.0", 18), PRICE_BODY_CSV);
    cr_expect_eq(price_body_sniff("\n  <!DOCTYPE html>", 18), PRICE_BODY_HTML);
    cr_expect_eq(price_body_sniff("{\"formatVersion\"", 16), PRICE_BODY_JSON);
    cr_expect_eq(price_body_sniff("[1]", 3), PRICE_BODY_JSON);
    cr_expect_eq(price_body_sniff("\x1f\x8b\x08", 3), PRICE_BODY_BINARY);
    cr_expect_eq(price_body_sniff(" \r\n", 3), PRICE_BODY_UNKNOWN);
    cr_expect_eq(price_body_sniff("", 0), PRICE_BODY_UNKNOWN);
    cr_expect_str_eq(price_body_kind_name(PRICE_BODY_HTML), "an HTML page");
}

/* ---- HTTP without a server ---- */

static cir_code never_feed(void *ctx, const char *d, size_t n, cir_err *err)
{
    (void)ctx, (void)d, (void)n;
    return cir_error(err, CIR_EINTERNAL, "test", "no body expected");
}

static int resets;
static void count_reset(void *ctx)
{
    (void)ctx;
    resets++;
}

Test(price_http, refuses_plain_http_elsewhere_without_connecting)
{
    price_fetch_cfg cfg;
    cir_err err;
    cr_assert_eq(price_fetch_cfg_env(&cfg, &err), CIR_OK);
    price_http *h;
    cr_assert_eq(price_http_open(&cfg, &h, &err), CIR_OK);
    price_sink sink = {NULL, never_feed, count_reset, NULL};
    cr_expect_eq(price_http_get(h, "http://192.0.2.1/offers/v1.0/aws/index.json", NULL, &sink, NULL,
                                &err),
                 CIR_EUSAGE);
    cr_expect(strstr(err.msg, "loopback"), "message: %s", err.msg);
    price_http_close(h);
}

static int closed_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    cr_assert_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    socklen_t alen = sizeof a;
    getsockname(fd, (struct sockaddr *)&a, &alen);
    close(fd); /* nothing listens there now */
    return ntohs(a.sin_port);
}

Test(price_http, refused_connection_is_retried_then_reported_with_the_url)
{
    setenv("CIRCUIT_RETRY_DELAY_MS", "1", 1);
    setenv("CIRCUIT_RETRIES", "3", 1);
    price_fetch_cfg cfg;
    cir_err err;
    cr_assert_eq(price_fetch_cfg_env(&cfg, &err), CIR_OK);
    price_http *h;
    cr_assert_eq(price_http_open(&cfg, &h, &err), CIR_OK);
    char url[96];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/offers/v1.0/aws/index.json", closed_port());
    sbuf body = SBUF_INIT;
    cr_assert_eq(price_http_get_small(h, url, &body, &err), CIR_ENET);
    cr_expect_str_eq(err.topic, url);
    cr_expect(strstr(err.msg, "gave up after 3 tries"), "message: %s", err.msg);
    cr_expect_eq(body.len, 0);
    sbuf_free(&body);
    price_http_close(h);
}
