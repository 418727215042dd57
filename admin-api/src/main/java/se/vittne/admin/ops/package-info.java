/** Operational endpoints: liveness and readiness for load balancers, Prometheus metrics. */
package se.vittne.admin.ops;
