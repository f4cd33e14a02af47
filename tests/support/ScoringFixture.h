// SPDX-License-Identifier: GPL-3.0-or-later
// Builds contacts with a given interaction log for scoring tests: "n days ago, this direction".
#pragma once

#include "core/scoring/ScoringEngine.h"
#include "core/services/ConversationLog.h"
#include "core/storage/ContactRepository.h"
#include "tests/support/TestSupport.h"

#include <QList>
#include <functional>
#include <optional>

namespace rapport::test {

struct LoggedTouch
{
    double daysAgo;
    Direction direction;
    Channel channel = Channel::Email;
};

class ScoringFixture
{
public:
    ScoringFixture();
    TempDatabase& database() { return m_database; }
    ScoringEngine& engine() { return *m_engine; }
    ConversationLog conversations() { return ConversationLog(m_database.db(), *m_engine); }

    // A new contact whose log holds these touches (logged in the order given).
    qint64 contactWithLog(const QList<LoggedTouch>& touches,
                          const QString& name = QStringLiteral("Ada Lovelace"));
    qint64 log(qint64 contactId, const LoggedTouch& touch);
    ContactScore scoreNow(qint64 contactId);

private:
    PinnedClock m_clock;
    TempDatabase m_database;
    std::optional<ScoringEngine> m_engine;
};

// `count` touches every `everyDays` days, the newest `newestDaysAgo` ago; direction of the i-th oldest.
QList<LoggedTouch> regularLog(int count, double everyDays, double newestDaysAgo,
                              const std::function<Direction(int oldestFirstIndex)>& direction);

} // namespace rapport::test
