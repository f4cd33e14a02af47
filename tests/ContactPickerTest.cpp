// SPDX-License-Identifier: GPL-3.0-or-later
// The contact picker: it searches once typing pauses, keeps each suggestion's contact id, and tells
// two people with the same name apart.
#include "ui/widgets/ContactPicker.h"

#include "core/storage/ContactRepository.h"
#include "tests/support/UiFixture.h"
#include "ui/session/DatabaseSession.h"
#include "ui/widgets/ContactSuggestionModel.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QSignalSpy>
#include <QTest>

using namespace rapport;
using namespace rapport::test;

namespace {

qint64 addContact(Database& db, const QString& organization, const QString& email)
{
    Contact contact;
    contact.givenName = QStringLiteral("Quentin");
    contact.familyName = QStringLiteral("Zyxwell");
    contact.organization = organization;
    if (!email.isEmpty())
        contact.methods << ContactMethod{0, MethodKind::Email, email, {}};
    return require(ContactRepository(db).create(contact));
}

} // namespace

TEST_CASE("The picker keeps contact ids and tells namesakes apart", "[ui][picker]")
{
    UiFixture fixture(20, 100);
    ui::DatabaseSession& session = fixture.session();
    const qint64 first =
        addContact(session.database(), QStringLiteral("Ember Foundation"), QStringLiteral("q@ember.example"));
    const qint64 second = addContact(session.database(), QStringLiteral("Tidal Wave Audio"), {});
    const qint64 third = addContact(session.database(), {}, {});
    const qint64 fourth = addContact(session.database(), {}, {});

    ui::ContactPicker picker(session);
    picker.show();
    QTest::keyClicks(&picker, QStringLiteral("Zyxw"));
    // The search waits for the typing pause: nothing yet, then every namesake.
    CHECK(picker.suggestions()->rowCount() == 0);
    REQUIRE(QTest::qWaitFor([&picker] { return picker.suggestions()->rowCount() == 4; }));

    QHash<qint64, QString> shown;
    for (int row = 0; row < picker.suggestions()->rowCount(); ++row) {
        const QModelIndex index = picker.suggestions()->index(row, 0);
        shown.insert(index.data(ui::ContactSuggestionModel::ContactIdRole).toLongLong(),
                     index.data().toString());
    }
    CHECK(shown.value(first) == QStringLiteral("Quentin Zyxwell — Ember Foundation · q@ember.example"));
    CHECK(shown.value(second) == QStringLiteral("Quentin Zyxwell — Tidal Wave Audio"));
    CHECK(shown.value(third) == QStringLiteral("Quentin Zyxwell · #%1").arg(third));
    CHECK(shown.value(fourth) == QStringLiteral("Quentin Zyxwell · #%1").arg(fourth));

    // Choosing a suggestion picks that contact, not the first one with the name.
    QSignalSpy chosen(&picker, &ui::ContactPicker::contactChosen);
    QAbstractItemModel* popupModel = picker.completer()->completionModel();
    for (int row = 0; row < popupModel->rowCount(); ++row) {
        const QModelIndex index = popupModel->index(row, 0);
        if (index.data(ui::ContactSuggestionModel::ContactIdRole).toLongLong() == second)
            emit picker.completer()->activated(index);
    }
    CHECK(picker.contactId() == second);
    REQUIRE(chosen.count() == 1);
    CHECK(chosen.front().front().toLongLong() == second);

    // Typing again forgets the choice until a new one is made.
    QTest::keyClick(&picker, Qt::Key_Backspace);
    CHECK(picker.contactId() == 0);
    picker.setContact(first);
    CHECK(picker.contactId() == first);
    CHECK(picker.text() == QStringLiteral("Quentin Zyxwell — Ember Foundation · q@ember.example"));
}
