// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/ScoringFixture.h"

#include <cmath>

namespace rapport::test {

ScoringFixture::ScoringFixture()
{
    m_engine.emplace(require(ScoringEngine::open(m_database.db())));
}

qint64 ScoringFixture::contactWithLog(const QList<LoggedTouch>& touches, const QString& name)
{
    Contact contact;
    contact.displayName = name;
    const qint64 id = require(ContactRepository(m_database.db()).create(contact));
    for (const LoggedTouch& touch : touches)
        log(id, touch);
    return id;
}

qint64 ScoringFixture::log(qint64 contactId, const LoggedTouch& touch)
{
    Interaction interaction;
    interaction.contactId = contactId;
    interaction.occurredAt = testNow - std::llround(touch.daysAgo * daySeconds);
    interaction.direction = touch.direction;
    interaction.channel = touch.channel;
    return require(conversations().log(interaction));
}

ContactScore ScoringFixture::scoreNow(qint64 contactId)
{
    return require(m_engine->score(contactId, testNow));
}

QList<LoggedTouch> regularLog(int count, double everyDays, double newestDaysAgo,
                              const std::function<Direction(int)>& direction)
{
    QList<LoggedTouch> touches;
    for (int i = 0; i < count; ++i)
        touches << LoggedTouch{newestDaysAgo + (count - 1 - i) * everyDays, direction(i)};
    return touches;
}

} // namespace rapport::test
