import Foundation

/// SplitMix64 (Steele, Lea and Flood 2014): turns one 64-bit seed into well-mixed words,
/// used only to fill the state of `Xoshiro256StarStar`, as its authors recommend.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The output function: a bijection of 64-bit words that spreads every bit over all others.
    static func mix(_ word: UInt64) -> UInt64 {
        var z = word
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0 (Blackman and Vigna 2018, prng.di.unimi.it): a 256-bit state, period
/// 2^256 − 1, integer operations only, so that every machine draws the same numbers.
///
/// The rank draws each have their own generator, `init(seed:stream:)`, so a draw's numbers
/// do not depend on which thread runs it or on the draws before it.
struct Xoshiro256StarStar {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    /// The state is four outputs of SplitMix64 started at `seed` XOR the mixed stream number
    /// (never all zero: SplitMix64's outputs are a bijection of distinct states).
    init(seed: UInt64, stream: UInt64 = 0) {
        var splitMix = SplitMix64(state: seed ^ SplitMix64.mix(stream &+ 1))
        s = (splitMix.next(), splitMix.next(), splitMix.next(), splitMix.next())
    }

    /// A given state, for checking against the reference outputs.
    init(state: (UInt64, UInt64, UInt64, UInt64)) { s = state }

    mutating func next() -> UInt64 {
        let result = rotate(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = rotate(s.3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform in [0, 1): the top 53 bits as a double's fraction, every value equally likely.
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in (0, 1): for logarithms.
    mutating func uniformOpen() -> Double { (Double(next() >> 11) + 0.5) * 0x1p-53 }

    /// Standard normal by Marsaglia's polar method: a point uniform in the unit disc gives
    /// two independent normals; the second is dropped so that each call uses its own numbers.
    mutating func normal() -> Double {
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let r = u * u + v * v
            if r > 0 && r < 1 { return u * (-2 * log(r) / r).squareRoot() }
        }
    }
}

/// Gamma(shape, 1) by Marsaglia and Tsang (2000), "A simple method for generating gamma
/// variables": for shape ≥ 1, d = shape − ⅓, c = 1/√(9d); take x normal, v = (1 + cx)³, accept
/// d·v when log u < x²/2 + d − dv + d·log v (with the cheap squeeze u < 1 − 0.0331x⁴ first).
/// A shape below 1 (k = 0 gives ½) draws Gamma(shape + 1) and multiplies by u^(1/shape).
/// The constants are worked out once per share, not per draw.
struct GammaSampler {
    let shape: Double
    private let d: Double
    private let c: Double
    private let boosted: Bool

    init(shape: Double) {
        self.shape = shape
        boosted = shape < 1
        d = (boosted ? shape + 1 : shape) - 1.0 / 3
        c = 1 / (9 * d).squareRoot()
    }

    func sample(_ random: inout Xoshiro256StarStar) -> Double {
        var value: Double
        while true {
            let x = random.normal()
            let t = 1 + c * x
            guard t > 0 else { continue }
            let v = t * t * t
            let u = random.uniformOpen()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 || log(u) < 0.5 * x2 + d * (1 - v + log(v)) {
                value = d * v
                break
            }
        }
        if boosted { value *= exp(log(random.uniformOpen()) / shape) }
        return value
    }
}

/// Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b), drawn in that order.
struct BetaSampler {
    let a: GammaSampler
    let b: GammaSampler

    init(_ a: Double, _ b: Double) {
        self.a = GammaSampler(shape: a)
        self.b = GammaSampler(shape: b)
    }

    func sample(_ random: inout Xoshiro256StarStar) -> Double {
        let x = a.sample(&random)
        let y = b.sample(&random)
        return x / (x + y)
    }
}
