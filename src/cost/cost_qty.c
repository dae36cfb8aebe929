/*
 * cost_qty.c — the named quantity functions cost models use where plain
 * "attribute x factor" is not enough: free baselines (gp3 IOPS above
 * 3,000), minimums (RDS io1), tiers (io2 IOPS), derived units (Lambda
 * GB-seconds, load balancer capacity units, Fargate vCPU from a task
 * definition).  Each reads named variables of its model through
 * cost_eval_num()/cost_eval_usage(), so the attribute names stay in the
 * tables.  Monthly quantities; hours are COST_HOURS_PER_MONTH.
 */
#include "cost_model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define HOURS COST_HOURS_PER_MONTH

/* A variable with a default when unset or unknown (AWS's documented
 * baseline values); other failures pass through. */
static cost_qty_rc num_or(const cost_eval *e, const char *var, double dflt, double *v,
                          const char **why)
{
    cost_qty_rc rc = cost_eval_num(e, var, v, why);
    if (rc == CQR_SKIP) {
        *v = dflt;
        return CQR_OK;
    }
    return rc;
}

static double clamp0(double v)
{
    return v > 0 ? v : 0;
}

/* ---- EBS ---------------------------------------------------------------- */

/* A variable with AWS's documented default when unset or known only
 * after apply (AWS then provisions exactly that default). */
static cost_qty_rc num_or_aws_default(const cost_eval *e, const char *var, double dflt, double *v,
                                      const char **why)
{
    cost_qty_rc rc = cost_eval_num(e, var, v, why);
    if (rc == CQR_SKIP || rc == CQR_UNKNOWN) {
        *v = dflt;
        return CQR_OK;
    }
    return rc;
}

/* gp3: 3,000 IOPS are included (and provisioned when none are set). */
cost_qty_rc cq_ebs_gp3_iops(const cost_eval *e, double *q, const char **why)
{
    double iops;
    cost_qty_rc rc = num_or_aws_default(e, "viops", 3000, &iops, why);
    if (rc == CQR_OK)
        *q = clamp0(iops - 3000);
    return rc;
}

/* gp3: 125 MiBps included; AWS bills throughput per GiBps-month. */
cost_qty_rc cq_ebs_gp3_tput(const cost_eval *e, double *q, const char **why)
{
    double t;
    cost_qty_rc rc = num_or_aws_default(e, "vtput", 125, &t, why);
    if (rc == CQR_OK)
        *q = clamp0(t - 125) / 1024.0;
    return rc;
}

/* io2 IOPS tiers: up to 32,000; 32,001-64,000; above 64,000. */
static cost_qty_rc io2_tier(const cost_eval *e, double lo, double hi, double *q, const char **why)
{
    double iops;
    cost_qty_rc rc = cost_eval_num(e, "viops", &iops, why);
    if (rc == CQR_SKIP) {
        *q = 0;
        return CQR_OK;
    }
    if (rc == CQR_OK)
        *q = clamp0(fmin(iops, hi) - lo);
    return rc;
}

cost_qty_rc cq_io2_tier1(const cost_eval *e, double *q, const char **why)
{
    return io2_tier(e, 0, 32000, q, why);
}

cost_qty_rc cq_io2_tier2(const cost_eval *e, double *q, const char **why)
{
    return io2_tier(e, 32000, 64000, q, why);
}

cost_qty_rc cq_io2_tier3(const cost_eval *e, double *q, const char **why)
{
    return io2_tier(e, 64000, INFINITY, q, why);
}

/* ---- RDS ---------------------------------------------------------------- */

static bool is_piops(const cost_eval *e)
{
    const char *t = cost_eval_str(e, "stype");
    return t && (strcmp(t, "io1") == 0 || strcmp(t, "io2") == 0);
}

/* Provisioned IOPS storage is at least 100 GB. */
cost_qty_rc cq_rds_storage(const cost_eval *e, double *q, const char **why)
{
    double gb;
    cost_qty_rc rc = cost_eval_num(e, "storage", &gb, why);
    if (rc != CQR_OK)
        return rc;
    *q = is_piops(e) && gb < 100 ? 100 : gb;
    return CQR_OK;
}

/* io1 IOPS: at least 1,000. */
cost_qty_rc cq_rds_io1_iops(const cost_eval *e, double *q, const char **why)
{
    double iops;
    cost_qty_rc rc = num_or(e, "iops", 1000, &iops, why);
    if (rc == CQR_OK)
        *q = iops < 1000 ? 1000 : iops;
    return rc;
}

/* gp3: 3,000 IOPS included below 400 GB, 12,000 from 400 GB. */
cost_qty_rc cq_rds_gp3_iops(const cost_eval *e, double *q, const char **why)
{
    double gb, iops;
    cost_qty_rc rc = cost_eval_num(e, "storage", &gb, why);
    if (rc != CQR_OK)
        return rc;
    double baseline = gb >= 400 ? 12000 : 3000;
    rc = cost_eval_num(e, "iops", &iops, why);
    if (rc == CQR_SKIP || rc == CQR_UNKNOWN) { /* AWS provisions the baseline */
        *q = 0;
        return CQR_OK;
    }
    if (rc == CQR_OK)
        *q = clamp0(iops - baseline);
    return rc;
}

/* ---- load balancers -------------------------------------------------------- */

/* Capacity units per AWS's definition, from Infracost's usage keys:
 * new_connections (per second), active_connections (per minute),
 * processed_bytes_gb (per month), rule_evaluations (per second, ALB).
 * An LCU is the largest dimension per hour; the month has 730 of them,
 * and GB per month divided by 730 hours, times 730, is GB. */
cost_qty_rc cq_lb_lcu(const cost_eval *e, double *q, const char **why)
{
    *why = NULL;
    const char *kind = cost_eval_str(e, "lbtype");
    double per_new = 25, per_active = 3000, per_rules = 1000;
    if (kind && strcmp(kind, "network") == 0) {
        per_new = 800;
        per_active = 100000;
        per_rules = 0;
    } else if (kind && strcmp(kind, "gateway") == 0) {
        per_new = 600;
        per_active = 60000;
        per_rules = 0;
    }
    double v, lcu = 0;
    bool any = false;
    if (cost_eval_usage(e, "new_connections", &v)) {
        lcu = fmax(lcu, v / per_new * HOURS);
        any = true;
    }
    if (cost_eval_usage(e, "active_connections", &v)) {
        lcu = fmax(lcu, v / per_active * HOURS);
        any = true;
    }
    if (cost_eval_usage(e, "processed_bytes_gb", &v)) {
        lcu = fmax(lcu, v);
        any = true;
    }
    if (per_rules > 0 && cost_eval_usage(e, "rule_evaluations", &v)) {
        lcu = fmax(lcu, v / per_rules * HOURS);
        any = true;
    }
    if (!any)
        return CQR_NO_USAGE;
    *q = lcu;
    return CQR_OK;
}

/* ---- Lambda -------------------------------------------------------------- */

/* GB-seconds = requests x memory (GB) x duration rounded up to the ms. */
cost_qty_rc cq_lambda_gb_seconds(const cost_eval *e, double *q, const char **why)
{
    double req, ms, mem;
    if (!cost_eval_usage(e, "monthly_requests", &req) ||
        !cost_eval_usage(e, "request_duration_ms", &ms))
        return CQR_NO_USAGE;
    cost_qty_rc rc = num_or(e, "memory", 128, &mem, why);
    if (rc == CQR_OK)
        *q = req * (mem / 1024.0) * (ceil(ms) / 1000.0);
    return rc;
}

/* Ephemeral storage above the free 512 MB, in GB-seconds. */
cost_qty_rc cq_lambda_storage_gb_seconds(const cost_eval *e, double *q, const char **why)
{
    double req, ms, mb;
    cost_qty_rc rc = num_or(e, "ephemeral", 512, &mb, why);
    if (rc != CQR_OK)
        return rc;
    if (mb <= 512)
        return CQR_SKIP;
    if (!cost_eval_usage(e, "monthly_requests", &req) ||
        !cost_eval_usage(e, "request_duration_ms", &ms))
        return CQR_NO_USAGE;
    *q = req * ((mb - 512) / 1024.0) * (ceil(ms) / 1000.0);
    return CQR_OK;
}

/* ---- Fargate ------------------------------------------------------------- */

/* A task-definition size: "1024" (units / MiB) or "1 vCPU" / "2 GB". */
static cost_qty_rc task_size(const cost_eval *e, const char *var, double units_per_big,
                             double *out, const char **why)
{
    const char *t = cost_eval_str(e, var);
    double v;
    cost_qty_rc rc = cost_eval_num(e, var, &v, why);
    if (rc == CQR_OK) {
        *out = v / units_per_big;
        return CQR_OK;
    }
    if (rc != CQR_INVALID || !t)
        return rc;
    char *end;
    v = strtod(t, &end);
    while (*end == ' ')
        end++;
    if (end == t || !isfinite(v) ||
        (strcasecmp(end, "vcpu") != 0 && strcasecmp(end, "gb") != 0))
        return CQR_INVALID;
    *out = v;
    return CQR_OK;
}

cost_qty_rc cq_fargate_vcpu_hours(const cost_eval *e, double *q, const char **why)
{
    double vcpu;
    cost_qty_rc rc = task_size(e, "cpu", 1024, &vcpu, why);
    if (rc == CQR_SKIP) {
        *why = "cpu (not set in the task definition)";
        return CQR_INVALID;
    }
    if (rc == CQR_OK)
        *q = vcpu * HOURS;
    return rc;
}

cost_qty_rc cq_fargate_gb_hours(const cost_eval *e, double *q, const char **why)
{
    double gb;
    cost_qty_rc rc = task_size(e, "memory", 1024, &gb, why);
    if (rc == CQR_SKIP) {
        *why = "memory (not set in the task definition)";
        return CQR_INVALID;
    }
    if (rc == CQR_OK)
        *q = gb * HOURS;
    return rc;
}

/* ---- VPC endpoints --------------------------------------------------------- */

/* One endpoint network interface per subnet, each billed per hour. */
cost_qty_rc cq_vpce_hours(const cost_eval *e, double *q, const char **why)
{
    plan_val_state st;
    const json_t *ids = cost_eval_attr(e, "subnet_ids", &st);
    long n;
    if (st == PLAN_VAL_KNOWN && json_is_array(ids)) {
        n = (long)json_array_size(ids);
    } else if (st == PLAN_VAL_UNKNOWN) {
        n = cost_config_ref_count(e->plan, e->res, "subnet_ids");
        if (n < 0) {
            *why = "subnet_ids";
            return CQR_UNKNOWN;
        }
    } else {
        n = 1;
    }
    *q = (double)(n > 0 ? n : 1) * HOURS;
    return CQR_OK;
}

/* ---- EC2 CPU credits ------------------------------------------------------ */

cost_qty_rc cq_cpu_credits(const cost_eval *e, double *q, const char **why)
{
    (void)why;
    double hrs, vcpu;
    if (!cost_eval_usage(e, "monthly_cpu_credit_hrs", &hrs) || !cost_eval_usage(e, "vcpu_count", &vcpu))
        return CQR_NO_USAGE;
    *q = hrs * vcpu;
    return CQR_OK;
}

/* ---- CloudWatch alarms ----------------------------------------------------- */

/* Counts the alarm's metrics of one resolution: one metric (its `period`),
 * or one per metric_query entry that reads a metric (that metric's
 * period); a period under 60 seconds is high resolution.  Anomaly
 * detection alarms bill three metrics each. */
static cost_qty_rc alarm_metrics(const cost_eval *e, bool high, double *q, const char **why)
{
    plan_val_state st;
    const json_t *queries = cost_eval_attr(e, "metric_query", &st);
    double metrics = 0;
    if (st == PLAN_VAL_KNOWN && json_is_array(queries) && json_array_size(queries) > 0) {
        size_t i;
        const json_t *mq;
        json_array_foreach(queries, i, mq) {
            const json_t *metric = json_array_get(json_object_get(mq, "metric"), 0);
            if (!json_is_object(metric))
                continue;
            const json_t *p = json_object_get(metric, "period");
            bool hi = json_is_number(p) && json_number_value(p) < 60;
            metrics += hi == high;
        }
    } else {
        double period;
        cost_qty_rc rc = num_or(e, "period", 60, &period, why);
        if (rc != CQR_OK)
            return rc;
        metrics = (period < 60) == high;
    }
    const char *op = cost_eval_str(e, "comparison");
    if (op && (strcmp(op, "LessThanLowerOrGreaterThanUpperThreshold") == 0 ||
               strcmp(op, "LessThanLowerThreshold") == 0 ||
               strcmp(op, "GreaterThanUpperThreshold") == 0))
        metrics *= 3;
    *q = metrics;
    return CQR_OK;
}

cost_qty_rc cq_alarm_metrics_standard(const cost_eval *e, double *q, const char **why)
{
    return alarm_metrics(e, false, q, why);
}

cost_qty_rc cq_alarm_metrics_high(const cost_eval *e, double *q, const char **why)
{
    return alarm_metrics(e, true, q, why);
}

/* ---- ElastiCache ------------------------------------------------------------ */

/* Cluster: num_cache_nodes.  Replication group: node groups x (replicas
 * + 1) in cluster mode, else num_cache_clusters. */
cost_qty_rc cq_cache_nodes_hours(const cost_eval *e, double *q, const char **why)
{
    double groups = 0, replicas, nodes = 0;
    const char *gwhy = NULL, *nwhy = NULL;
    cost_qty_rc rg = cost_eval_num(e, "node_groups", &groups, &gwhy);
    cost_qty_rc rn = cost_eval_num(e, "nodes", &nodes, &nwhy);
    if (rg == CQR_OK && groups > 0) {
        cost_qty_rc rc = num_or(e, "replicas", 0, &replicas, why);
        if (rc != CQR_OK)
            return rc;
        *q = groups * (replicas + 1) * HOURS;
        return CQR_OK;
    }
    if (rn == CQR_OK) {
        *q = nodes * HOURS;
        return CQR_OK;
    }
    /* neither given: one node; either unknown: known after apply */
    if (rg == CQR_UNKNOWN || rg == CQR_INVALID) {
        *why = gwhy;
        return rg;
    }
    if (rn == CQR_UNKNOWN || rn == CQR_INVALID) {
        *why = nwhy;
        return rn;
    }
    *q = HOURS;
    return CQR_OK;
}

/* Backups beyond the one free snapshot: size x (retention - 1). */
cost_qty_rc cq_cache_backup_gb(const cost_eval *e, double *q, const char **why)
{
    double keep, gb;
    cost_qty_rc rc = num_or(e, "retention", 0, &keep, why);
    if (rc != CQR_OK)
        return rc;
    if (keep <= 1)
        return CQR_SKIP;
    if (!cost_eval_usage(e, "snapshot_storage_size_gb", &gb))
        return CQR_NO_USAGE;
    *q = gb * (keep - 1);
    return CQR_OK;
}

/* ---- EFS ---------------------------------------------------------------------- */

/* Provisioned throughput beyond what the stored data includes
 * (50 KiB/s per GiB, i.e. storage / 20 MiBps). */
cost_qty_rc cq_efs_tput(const cost_eval *e, double *q, const char **why)
{
    double mibps, gb = 0;
    cost_qty_rc rc = cost_eval_num(e, "tput", &mibps, why);
    if (rc != CQR_OK)
        return rc;
    cost_eval_usage(e, "storage_gb", &gb);
    *q = clamp0(mibps - gb / 20.0);
    return CQR_OK;
}

/* ---- Aurora ------------------------------------------------------------------- */

cost_qty_rc cq_aurora_io(const cost_eval *e, double *q, const char **why)
{
    (void)why;
    double w, r;
    if (!cost_eval_usage(e, "write_requests_per_sec", &w) || !cost_eval_usage(e, "read_requests_per_sec", &r))
        return CQR_NO_USAGE;
    *q = (w + r) * HOURS * 3600.0;
    return CQR_OK;
}

cost_qty_rc cq_aurora_backup_gb(const cost_eval *e, double *q, const char **why)
{
    double keep, gb;
    cost_qty_rc rc = num_or(e, "retention", 1, &keep, why);
    if (rc != CQR_OK)
        return rc;
    if (keep <= 1)
        return CQR_SKIP;
    if (!cost_eval_usage(e, "backup_snapshot_size_gb", &gb))
        return CQR_NO_USAGE;
    *q = gb * (keep - 1);
    return CQR_OK;
}

/* ---- EKS extended support ---------------------------------------------- */

bool cost_eks_extended(const char *version, const char *today)
{
    int major, minor;
    if (!version || sscanf(version, "%d.%d", &major, &minor) != 2)
        return false;
    const cost_k8s_version *first = &cost_eks_versions[0];
    const cost_k8s_version *last = &cost_eks_versions[cost_eks_nversions - 1];
    if (major < first->major || (major == first->major && minor < first->minor))
        return true;
    if (major > last->major || (major == last->major && minor > last->minor))
        return false;
    for (size_t i = 0; i < cost_eks_nversions; i++)
        if (cost_eks_versions[i].major == major && cost_eks_versions[i].minor == minor)
            return strcmp(today, cost_eks_versions[i].standard_end) > 0;
    return false;
}

const char *cost_today(void)
{
    static char day[11];
    const char *env = getenv("CIRCUIT_DATE");
    int y, m, d;
    char tail;
    if (env && strlen(env) == 10 && sscanf(env, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
        m >= 1 && m <= 12 && d >= 1 && d <= 31) {
        snprintf(day, sizeof day, "%04d-%02d-%02d", y, m, d);
        return day;
    }
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(day, sizeof day, "%Y-%m-%d", &tm);
    return day;
}

/* The surcharge runs all month for a version past standard support; an
 * unset or unknown version is the newest one, in standard support. */
cost_qty_rc cq_eks_extended(const cost_eval *e, double *q, const char **why)
{
    (void)why;
    if (!cost_eks_extended(cost_eval_str(e, "version"), cost_today()))
        return CQR_SKIP;
    *q = HOURS;
    return CQR_OK;
}
