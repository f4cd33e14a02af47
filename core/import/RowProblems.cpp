// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/RowProblems.h"

#include <algorithm>
#include <limits>

namespace rapport {

void RowProblems::add(int column, const QString& message)
{
    m_problems.append({column, m_row.problem(column, message).message});
}

bool RowProblems::keep(int column, const Error& error)
{
    if (error.kind != ErrorKind::BadInput && error.kind != ErrorKind::NotFound)
        return false;
    m_problems.append({column, error.message});
    return true;
}

RowResult RowProblems::result() const
{
    QList<std::pair<int, QString>> sorted = m_problems;
    const auto order = [](int column) {
        return column < 0 ? std::numeric_limits<int>::max() : column;
    };
    std::stable_sort(sorted.begin(), sorted.end(),
                     [&](const auto& a, const auto& b) { return order(a.first) < order(b.first); });
    RowResult invalid(RowOutcome::Invalid);
    for (const auto& problem : std::as_const(sorted))
        invalid.problems << problem.second;
    return invalid;
}

} // namespace rapport
