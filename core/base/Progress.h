// SPDX-License-Identifier: GPL-3.0-or-later
// Reports how far a long operation has come; returning false asks it to stop (it then rolls back).
#pragma once

#include <QtGlobal>
#include <functional>

namespace rapport {

using ProgressCallback = std::function<bool(qint64 done, qint64 total)>;

inline bool reportProgress(const ProgressCallback& progress, qint64 done, qint64 total)
{
    return !progress || progress(done, total);
}

} // namespace rapport
