import CGSL
import Foundation
import Statistics

/// The GSL solvers the fits use, behind Swift closures: BFGS minimisation
/// (`gsl_multimin_fdfminimizer_vector_bfgs2`), Brent's one-dimensional minimisation
/// (`gsl_min_fminimizer_brent`) and root bracketing (`gsl_root_fsolver_brent`), and Cholesky.
enum GSLNumerics {
    /// A function to minimise: its value and gradient at a point.
    typealias Objective = ([Double]) -> (value: Double, gradient: [Double])

    final class ObjectiveBox {
        let objective: Objective
        init(_ objective: @escaping Objective) { self.objective = objective }
    }

    /// The point where `objective` is smallest, from `start`: stops when the gradient's largest
    /// component is below `gradientTolerance`, or after 1000 iterations (then the last point, which
    /// is as close as the line searches got).
    static func minimize(start: [Double], gradientTolerance: Double, _ objective: @escaping Objective) throws(GSLError) -> [Double] {
        GSLRuntime.setUp()
        let box = ObjectiveBox(objective)
        let context = Unmanaged.passRetained(box)
        defer { context.release() }
        var function = gsl_multimin_function_fdf(
            f: { x, params in evaluateObjective(x, params).0 },
            df: { x, params, g in
                let gradient = evaluateObjective(x, params).1
                for (i, v) in gradient.enumerated() { gsl_vector_set(g, i, v) }
            },
            fdf: { x, params, f, g in
                let (value, gradient) = evaluateObjective(x, params)
                f!.pointee = value
                for (i, v) in gradient.enumerated() { gsl_vector_set(g, i, v) }
            },
            n: start.count, params: context.toOpaque())
        let x = gsl_vector_alloc(start.count)!
        defer { gsl_vector_free(x) }
        for (i, v) in start.enumerated() { gsl_vector_set(x, i, v) }
        let minimizer = gsl_multimin_fdfminimizer_alloc(cgsl_multimin_vector_bfgs2(), start.count)!
        defer { gsl_multimin_fdfminimizer_free(minimizer) }
        try GSLError.check(gsl_multimin_fdfminimizer_set(minimizer, &function, x, 0.1, 0.1))
        for _ in 0..<1000 {
            let status = gsl_multimin_fdfminimizer_iterate(minimizer)
            // ENOPROG: the line search can make no progress, which at a minimum is the normal end.
            if status == GSL_ENOPROG { break }
            try GSLError.check(status)
            if gsl_multimin_test_gradient(minimizer.pointee.gradient, gradientTolerance) == GSL_SUCCESS { break }
        }
        return (0..<start.count).map { gsl_vector_get(minimizer.pointee.x, $0) }
    }

    final class FunctionBox {
        let function: (Double) -> Double
        init(_ function: @escaping (Double) -> Double) { self.function = function }
    }

    /// Runs `body` with `function` as a `gsl_function`, kept alive until `body` returns.
    private static func withGSLFunction<T>(_ function: @escaping (Double) -> Double, _ body: (inout gsl_function) throws(GSLError) -> T) throws(GSLError) -> T {
        GSLRuntime.setUp()
        let context = Unmanaged.passRetained(FunctionBox(function))
        defer { context.release() }
        var f = gsl_function(
            function: { x, params in Unmanaged<GSLNumerics.FunctionBox>.fromOpaque(params!).takeUnretainedValue().function(x) },
            params: context.toOpaque())
        return try body(&f)
    }

    /// The root of `function` between `low` and `high`, where it must change sign, to within
    /// `tolerance` (absolute).
    static func root(in low: Double, _ high: Double, tolerance: Double, _ function: @escaping (Double) -> Double) throws(GSLError) -> Double {
        try withGSLFunction(function) { f throws(GSLError) in
            let solver = gsl_root_fsolver_alloc(cgsl_root_brent())!
            defer { gsl_root_fsolver_free(solver) }
            try GSLError.check(gsl_root_fsolver_set(solver, &f, low, high))
            for _ in 0..<200 {
                try GSLError.check(gsl_root_fsolver_iterate(solver))
                let lo = gsl_root_fsolver_x_lower(solver), hi = gsl_root_fsolver_x_upper(solver)
                if gsl_root_test_interval(lo, hi, tolerance, 0) == GSL_SUCCESS { break }
            }
            return gsl_root_fsolver_root(solver)
        }
    }

    /// The point in `low…high` where `function` is smallest, to within 0.001; `guess` must lie
    /// inside with a smaller value than at both ends.
    static func minimum(in low: Double, _ high: Double, guess: Double, _ function: @escaping (Double) -> Double) throws(GSLError) -> Double {
        try withGSLFunction(function) { f throws(GSLError) in
            let minimizer = gsl_min_fminimizer_alloc(cgsl_min_brent())!
            defer { gsl_min_fminimizer_free(minimizer) }
            try GSLError.check(gsl_min_fminimizer_set(minimizer, &f, guess, low, high))
            for _ in 0..<100 {
                try GSLError.check(gsl_min_fminimizer_iterate(minimizer))
                let lo = gsl_min_fminimizer_x_lower(minimizer), hi = gsl_min_fminimizer_x_upper(minimizer)
                if gsl_min_test_interval(lo, hi, 1e-3, 0) == GSL_SUCCESS { break }
            }
            return gsl_min_fminimizer_x_minimum(minimizer)
        }
    }

    /// Runs `body` on the Cholesky factor of a symmetric positive definite matrix (row-major,
    /// n × n; `gsl_linalg_cholesky_decomp1`).
    private static func withCholesky<T>(_ matrix: [Double], n: Int, _ body: (UnsafeMutablePointer<gsl_matrix>) throws(GSLError) -> T) throws(GSLError) -> T {
        GSLRuntime.setUp()
        let m = gsl_matrix_alloc(n, n)!
        defer { gsl_matrix_free(m) }
        for i in 0..<n { for j in 0..<n { gsl_matrix_set(m, i, j, matrix[i * n + j]) } }
        try GSLError.check(gsl_linalg_cholesky_decomp1(m))
        return try body(m)
    }

    /// log det of a symmetric positive definite matrix: twice the sum of its Cholesky factor's log diagonal.
    static func logDeterminant(_ matrix: [Double], n: Int) throws(GSLError) -> Double {
        try withCholesky(matrix, n: n) { m in (0..<n).reduce(0) { $0 + 2 * log(gsl_matrix_get(m, $1, $1)) } }
    }

    /// The inverse of a symmetric positive definite matrix (`gsl_linalg_cholesky_invert`).
    static func inverse(_ matrix: [Double], n: Int) throws(GSLError) -> [Double] {
        try withCholesky(matrix, n: n) { m throws(GSLError) in
            try GSLError.check(gsl_linalg_cholesky_invert(m))
            return (0..<(n * n)).map { gsl_matrix_get(m, $0 / n, $0 % n) }
        }
    }
}

/// The objective behind a GSL callback's `params` at the point `x`.
private func evaluateObjective(_ x: UnsafePointer<gsl_vector>?, _ params: UnsafeMutableRawPointer?) -> (Double, [Double]) {
    let box = Unmanaged<GSLNumerics.ObjectiveBox>.fromOpaque(params!).takeUnretainedValue()
    let n = x!.pointee.size
    let point = (0..<n).map { gsl_vector_get(x, $0) }
    return box.objective(point)
}
