import Foundation

/// The Wilson score interval of a share, k of n (INDICATORS.md, "Uncertainty").
public struct WilsonInterval: Sendable, Equatable {
    public var low: Double
    public var high: Double

    /// p = k/n, centre = (p + z²/2n) / (1 + z²/n), half = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n),
    /// cut to [0, 1]. `n` must be at least 1.
    public init(hits k: Int, of n: Int, z: Double) {
        let n = Double(n)
        let p = Double(k) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        low = max(0, centre - half)
        high = min(1, centre + half)
    }

    /// The spec's z of the 95 % level, Φ⁻¹(0.975), exactly as an independent implementation writes it.
    public static let z95 = 1.959963984540054

    /// The two-sided z of a confidence level: Φ⁻¹((1 + level) / 2); 0.95 gives `z95` exactly.
    public static func z(level: Double) -> Double {
        level == 0.95 ? z95 : inverseNormal((1 + level) / 2)
    }

    /// Φ⁻¹(p) for 0 < p < 1: Acklam's rational approximation (relative error 1.15e-9), then
    /// one Halley step on erfc, which brings it to about the last bit.
    static func inverseNormal(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low || p > 1 - low {
            let q = (-2 * log(p < low ? p : 1 - p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
            if p > 1 - low { x = -x }
        } else {
            let q = p - 0.5
            let r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        return x - u / (1 + x * u / 2)
    }
}
