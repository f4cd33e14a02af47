// SPDX-License-Identifier: GPL-3.0-or-later
// The contact table and its filter against core: rows, sorting by every kind of column, filters, and
// reads that fail without emptying the table.
#include "ui/contacts/ContactTableModel.h"

#include "core/services/ConversationLog.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/SearchIndex.h"
#include "core/storage/TrustNoteRepository.h"
#include "tests/support/ModelChecks.h"
#include "tests/support/UiFixture.h"
#include "ui/contacts/ContactFilterModel.h"

#include <QSignalSpy>
#include <vector>

using namespace rapport;
using namespace rapport::test;
using rapport::ui::ContactFilterModel;
using rapport::ui::ContactTableModel;
using rapport::ui::DatabaseSession;

namespace {

// Hides the contacts table from every read on the session's connection while it lives.
class ContactsTableHidden
{
public:
    explicit ContactsTableHidden(Database& db)
        : m_db(db)
    {
        requireOk(m_db.execute(QStringLiteral("ALTER TABLE contacts RENAME TO contacts_gone")));
    }
    ~ContactsTableHidden()
    {
        CHECK(m_db.execute(QStringLiteral("ALTER TABLE contacts_gone RENAME TO contacts")).ok());
    }
    Q_DISABLE_COPY_MOVE(ContactsTableHidden)

private:
    Database& m_db;
};

std::vector<qint64> rowOrder(const ContactTableModel& model)
{
    std::vector<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.push_back(model.contactAt(row));
    return ids;
}

} // namespace

TEST_CASE("The contact table has a row per contact with the score board's values", "[ui][models]")
{
    UiFixture fixture;
    ContactTableModel model(fixture.session());
    REQUIRE(model.rowCount() == 300);
    CHECK(model.columnCount() == ContactTableModel::ColumnCount);
    // The first row whose contact has a history, so that the score cell holds a number to compare.
    int row = 0;
    while (row < model.rowCount() &&
           !require(fixture.session().engine().score(model.contactAt(row), testNow)).score.hasHistory)
        ++row;
    REQUIRE(row < model.rowCount());
    const qint64 id = model.contactAt(row);
    const Contact contact = require(ContactRepository(fixture.session().database()).get(id));
    CHECK(model.index(row, ContactTableModel::NameColumn).data().toString() == contact.displayName);
    CHECK(model.index(row, ContactTableModel::OrganizationColumn).data().toString() == contact.organization);
    const ContactScore score = require(fixture.session().engine().score(id, testNow));
    CHECK(model.index(row, ContactTableModel::BandColumn).data().toString() == bandName(score.score.band));
    CHECK(model.index(row, ContactTableModel::ScoreColumn).data().toInt() == std::lround(score.score.score));
    CHECK(model.headerData(ContactTableModel::ScoreColumn, Qt::Horizontal).toString() ==
          QStringLiteral("Score"));
}

TEST_CASE("The contact table sorts by name, score and tags as shown", "[ui][models]")
{
    UiFixture fixture;
    ContactTableModel model(fixture.session());
    ModelChecks checks(&model);
    model.sort(ContactTableModel::NameColumn, Qt::AscendingOrder);
    REQUIRE(model.rowCount() == 300);
    for (int row = 1; row < model.rowCount(); ++row) {
        const QString previous = model.index(row - 1, ContactTableModel::NameColumn).data().toString();
        const QString current = model.index(row, ContactTableModel::NameColumn).data().toString();
        REQUIRE(QString::compare(previous, current, Qt::CaseInsensitive) <= 0);
    }
    model.sort(ContactTableModel::ScoreColumn, Qt::DescendingOrder);
    int previous = 1000;
    int scored = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QVariant shown = model.index(row, ContactTableModel::ScoreColumn).data();
        const int value = shown.typeId() == QMetaType::Int ? shown.toInt() : -1;
        REQUIRE(value <= previous);
        previous = value;
        scored += value >= 0 ? 1 : 0;
    }
    CHECK(scored > 0);
    model.sort(ContactTableModel::TagsColumn, Qt::AscendingOrder);
    QString previousTags;
    int tagged = 0;
    bool untaggedSeen = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString tags = model.index(row, ContactTableModel::TagsColumn).data().toString();
        if (tags.isEmpty()) {
            untaggedSeen = true;
            continue;
        }
        // Contacts without tags come last.
        REQUIRE_FALSE(untaggedSeen);
        REQUIRE(QString::compare(previousTags, tags, Qt::CaseInsensitive) <= 0);
        previousTags = tags;
        ++tagged;
    }
    CHECK(tagged > 0);
    const QModelIndex first = model.index(0, 0);
    CHECK(model.indexOfContact(model.contactAt(0)) == first);
}

TEST_CASE("The filter combines search, band, owner and archive", "[ui][models]")
{
    UiFixture fixture;
    ContactTableModel model(fixture.session());
    ContactFilterModel filter;
    filter.setSourceModel(&model);
    ModelChecks filterChecks(&filter);
    CHECK(filter.rowCount() == 300);

    filter.setBand(Band::AtRisk);
    REQUIRE(filter.rowCount() > 0);
    for (int row = 0; row < filter.rowCount(); ++row)
        REQUIRE(filter.index(row, 0).data(ContactTableModel::BandRole).toInt() ==
                static_cast<int>(Band::AtRisk));
    filter.setBand(std::nullopt);

    const QString name = model.index(0, ContactTableModel::NameColumn).data().toString();
    const QList<qint64> found =
        require(SearchIndex(fixture.session().database()).findContacts(name.section(QLatin1Char(' '), 0, 0)));
    filter.setMatchingContacts(QSet<qint64>(found.cbegin(), found.cend()));
    CHECK(filter.rowCount() == found.size());
    filter.setMatchingContacts(QSet<qint64>{});
    CHECK(filter.rowCount() == 0);
    filter.setMatchingContacts(std::nullopt);

    filter.setOwner(0);
    REQUIRE(filter.rowCount() > 0);
    for (int row = 0; row < filter.rowCount(); ++row)
        REQUIRE(filter.index(row, 0).data(ContactTableModel::OwnerIdRole).toLongLong() == 0);
    filter.setOwner(std::nullopt);

    const qint64 archived = model.contactAt(5);
    requireOk(ContactRepository(fixture.session().database()).setArchived(archived, true));
    fixture.session().contactTouched(archived);
    // Filters apply when they change, not under the user's cursor on every edit.
    CHECK(filter.rowCount() == 300);
    filter.setShowArchived(false);
    CHECK(filter.rowCount() == 299);
    filter.setShowArchived(true);
    CHECK(filter.rowCount() == 300);
}

TEST_CASE("Scores in the table follow a logged conversation", "[ui][models]")
{
    UiFixture fixture;
    ContactTableModel model(fixture.session());
    ModelChecks checks(&model);
    model.sort(ContactTableModel::ScoreColumn, Qt::AscendingOrder);
    const qint64 id = model.contactAt(0);
    const int row = model.indexOfContact(id).row();
    int changedRow = -1;
    QObject::connect(&model, &QAbstractItemModel::dataChanged,
                     [&changedRow](const QModelIndex& topLeft) { changedRow = topLeft.row(); });
    Interaction interaction;
    interaction.contactId = id;
    interaction.occurredAt = testNow - 3600;
    interaction.channel = Channel::Call;
    interaction.direction = Direction::Mutual;
    require(ConversationLog(fixture.session().database(), fixture.session().engine()).log(interaction));
    fixture.session().contactTouched(id);
    CHECK(changedRow == row);
    CHECK(model.index(row, ContactTableModel::LastContactColumn).data().toString() !=
          QStringLiteral("never"));
    CHECK(model.index(row, ContactTableModel::BandColumn).data().toString() != bandName(Band::NoHistory));
}

TEST_CASE("The trust column shows a compact level with the stars in its tooltip", "[ui][models][trust]")
{
    UiFixture fixture;
    ContactTableModel model(fixture.session());
    const qint64 id = model.contactAt(0);
    TrustNote note;
    note.contactId = id;
    note.createdAt = testNow - 60;
    note.kind = TrustKind::CommitmentKept;
    note.trustLevel = 5;
    note.text = QStringLiteral("Shipped the review early.");
    require(TrustNoteRepository(fixture.session().database()).insert(note));
    fixture.session().contactTouched(id);
    const QModelIndex trust = model.index(model.indexOfContact(id).row(), ContactTableModel::TrustColumn);
    CHECK(trust.data().toString() == QStringLiteral("5/5"));
    CHECK(trust.data(Qt::ToolTipRole)
              .toString()
              .startsWith(QStringLiteral("Trust \u2605\u2605\u2605\u2605\u2605 (5 of 5)")));

    note.trustLevel = 2;
    note.createdAt = testNow - 30;
    require(TrustNoteRepository(fixture.session().database()).insert(note));
    fixture.session().contactTouched(id);
    CHECK(trust.data().toString() == QStringLiteral("2/5"));
    CHECK(trust.data(Qt::ToolTipRole)
              .toString()
              .startsWith(QStringLiteral("Trust \u2605\u2605\u2606\u2606\u2606 (2 of 5)")));
}

TEST_CASE("A contact list that cannot be read again keeps its rows and says why", "[ui][models][errors]")
{
    UiFixture fixture;
    DatabaseSession& session = fixture.session();
    ContactTableModel model(session);
    REQUIRE(model.rowCount() == 300);
    const std::vector<qint64> before = rowOrder(model);
    QSignalSpy errors(&session, &DatabaseSession::errorOccurred);
    {
        const ContactsTableHidden hidden(session.database());
        emit session.contactsReset();
    }
    CHECK(model.rowCount() == 300);
    CHECK(rowOrder(model) == before);
    REQUIRE(errors.count() == 1);
    CHECK(errors.at(0).at(0).toString().startsWith(QStringLiteral("Could not read the contact list: ")));

    emit session.contactsReset();
    CHECK(model.rowCount() == 300);
    CHECK(errors.count() == 1);
}

TEST_CASE("A contact that cannot be read again keeps its row and says why", "[ui][models][errors]")
{
    UiFixture fixture;
    DatabaseSession& session = fixture.session();
    ContactTableModel model(session);
    REQUIRE(model.rowCount() == 300);
    const qint64 id = model.contactAt(0);
    QSignalSpy errors(&session, &DatabaseSession::errorOccurred);
    {
        const ContactsTableHidden hidden(session.database());
        emit session.contactChanged(id);
    }
    CHECK(model.rowCount() == 300);
    CHECK(model.indexOfContact(id).isValid());
    REQUIRE(errors.count() == 1);
    CHECK(errors.at(0).at(0).toString().startsWith(
        QStringLiteral("Could not read contact %1 again: ").arg(id)));
}

TEST_CASE("A sort that cannot read keeps the order shown, says why, and is tried again",
          "[ui][models][errors]")
{
    UiFixture fixture;
    DatabaseSession& session = fixture.session();
    ContactTableModel model(session);
    model.sort(ContactTableModel::NameColumn, Qt::AscendingOrder);
    const std::vector<qint64> byName = rowOrder(model);
    REQUIRE(byName.size() == 300);
    QSignalSpy errors(&session, &DatabaseSession::errorOccurred);
    {
        const ContactsTableHidden hidden(session.database());
        model.sort(ContactTableModel::OrganizationColumn, Qt::DescendingOrder);
    }
    CHECK(rowOrder(model) == byName);
    REQUIRE(errors.count() == 1);
    CHECK(errors.at(0).at(0).toString().startsWith(QStringLiteral("Could not sort the contact list: ")));

    model.sort(ContactTableModel::OrganizationColumn, Qt::DescendingOrder);
    CHECK(errors.count() == 1);
    CHECK(rowOrder(model) != byName);
    ContactTableModel sortedOnce(session);
    sortedOnce.sort(ContactTableModel::OrganizationColumn, Qt::DescendingOrder);
    CHECK(rowOrder(model) == rowOrder(sortedOnce));
}

TEST_CASE("Names that cannot be read are reported once, not once per cell", "[ui][models][errors]")
{
    UiFixture fixture;
    DatabaseSession& session = fixture.session();
    ContactTableModel model(session);
    REQUIRE(model.rowCount() == 300);
    QSignalSpy errors(&session, &DatabaseSession::errorOccurred);
    {
        const ContactsTableHidden hidden(session.database());
        CHECK(model.index(0, ContactTableModel::NameColumn).data().toString().isEmpty());
        CHECK(model.index(1, ContactTableModel::NameColumn).data().toString().isEmpty());
    }
    REQUIRE(errors.count() == 1);
    CHECK(errors.at(0).at(0).toString().startsWith(QStringLiteral("Could not read the contacts' names: ")));
    CHECK_FALSE(model.index(0, ContactTableModel::NameColumn).data().toString().isEmpty());
}
