#ifndef PLAN_CGSL_SHIM_H
#define PLAN_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_psi.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_min.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_statistics_double.h>

/* Swift 6 refuses to read C globals such as gsl_rng_taus2 (not concurrency-safe);
   these accessors return the generator types as plain function results. */
static inline const gsl_rng_type *cgsl_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_multimin_fdfminimizer_type *cgsl_multimin_vector_bfgs2(void) { return gsl_multimin_fdfminimizer_vector_bfgs2; }
static inline const gsl_root_fsolver_type *cgsl_root_brent(void) { return gsl_root_fsolver_brent; }
static inline const gsl_min_fminimizer_type *cgsl_min_brent(void) { return gsl_min_fminimizer_brent; }

/* x truncated towards zero, for a finite x with |x| < 2^63 that the caller has proven so: one
   cvttsd2si, where Swift's Int(x) adds three checks (finite, above and below the range) and
   their branches, about ten instructions, on each of the simulation's hottest conversions
   (the Poisson sampler's whole mean and remainder cell, the recorded load). Outside that range
   the result is unspecified, so every caller states why its value is inside it. */
static inline long plan_truncate_in_range(double x) { return (long)x; }

#endif
