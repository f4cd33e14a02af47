// SPDX-License-Identifier: GPL-3.0-or-later
// A small deterministic random source (xoshiro256**, seeded by splitmix64). Unlike the standard
// distributions, its output is the same on every platform and library, so a demo seed names one dataset.
#pragma once

#include <QtGlobal>
#include <array>
#include <cmath>

namespace rapport {

class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed)
    {
        for (quint64& word : m_state) {
            seed += 0x9e3779b97f4a7c15ULL;
            quint64 z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            word = z ^ (z >> 31);
        }
    }

    quint64 next()
    {
        const quint64 result = rotl(m_state[1] * 5, 7) * 9;
        const quint64 t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // Uniform integer in [0, bound).
    qint64 below(qint64 bound) { return static_cast<qint64>(uniform() * static_cast<double>(bound)); }
    bool chance(double probability) { return uniform() < probability; }
    // Exponentially distributed with the given mean.
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }

    // The position of a uniformly drawn item of `items`.
    template <typename Container>
    size_t index(const Container& items)
    {
        return static_cast<size_t>(below(static_cast<qint64>(std::size(items))));
    }
    template <typename Container>
    const auto& pick(const Container& items)
    {
        return items[index(items)];
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<quint64, 4> m_state{};
};

} // namespace rapport
