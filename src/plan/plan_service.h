/*
 * plan_service.h — the AWS service a resource type belongs to ("Amazon
 * RDS" for aws_db_instance), one table for every renderer that groups or
 * labels resources by service: the review's dependency table and the cost
 * charts by service.
 */
#ifndef CIRCUIT_PLAN_SERVICE_H
#define CIRCUIT_PLAN_SERVICE_H

/* The service of `type` by its prefix, or "AWS" for a type the table does
 * not list (and for NULL): never a guess at a name.  Static, never NULL. */
const char *plan_service_name(const char *type);

#endif
