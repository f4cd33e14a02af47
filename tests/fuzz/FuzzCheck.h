// SPDX-License-Identifier: GPL-3.0-or-later
// FUZZ_CHECK: an invariant of a fuzz target. Unlike assert() it stays in release builds, and it aborts, so
// that libFuzzer saves the input that broke it.
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                                                \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #condition);           \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (false)
