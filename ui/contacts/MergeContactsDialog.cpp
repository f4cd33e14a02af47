// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contacts/MergeContactsDialog.h"

#include "core/services/ContactMerge.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/TeamMemberRepository.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSqlQuery>
#include <QVBoxLayout>

namespace rapport::ui {

namespace {

Result<qint64> countOf(Database& db, const char* table, qint64 contactId)
{
    QSqlQuery query =
        db.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE contact_id = ?").arg(QLatin1String(table)));
    query.addBindValue(contactId);
    if (Status status = Database::run(query); !status)
        return status.error();
    return query.next() ? query.value(0).toLongLong() : 0;
}

} // namespace

Result<QList<MergeCandidate>> MergeContactsDialog::load(Database& db, const QList<qint64>& ids)
{
    Result<QList<TeamMember>> members = TeamMemberRepository(db).list();
    if (!members)
        return members.error();
    QList<MergeCandidate> candidates;
    for (const qint64 id : ids) {
        MergeCandidate candidate;
        Result<Contact> contact = ContactRepository(db).get(id);
        if (!contact)
            return contact.error();
        candidate.contact = std::move(*contact);
        Result<qint64> conversations = countOf(db, "interactions", id);
        if (!conversations)
            return conversations.error();
        candidate.conversations = *conversations;
        Result<qint64> notes = countOf(db, "trust_notes", id);
        if (!notes)
            return notes.error();
        candidate.notes = *notes;
        for (const TeamMember& member : std::as_const(*members)) {
            if (candidate.contact.ownerId == member.id)
                candidate.ownerName = member.name;
        }
        candidates << std::move(candidate);
    }
    return candidates;
}

MergeContactsDialog::MergeContactsDialog(QList<MergeCandidate> candidates, QWidget* parent)
    : QDialog(parent)
    , m_candidates(std::move(candidates))
{
    const auto counted = [](qint64 n, const QString& one, const QString& many) {
        return (n == 1 ? one : many).arg(n);
    };
    setWindowTitle(tr("Merge contacts"));
    setObjectName(QStringLiteral("mergeContactsDialog"));
    auto* intro = new QLabel(
        tr("These %1 records become one. Choose the value of each field; every email, phone, handle, tag, "
           "conversation and trust note of all of them is kept.")
            .arg(m_candidates.size()),
        this);
    intro->setWordWrap(true);

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(18);
    const QStringList fieldLabels{tr("Name"), tr("Organization"), tr("Title"), tr("Owner"), tr("Cadence")};
    m_keep = new QButtonGroup(this);
    auto* keepLabel = new QLabel(tr("<b>Keep record</b>"), this);
    grid->addWidget(keepLabel, 0, 0);
    // The record with the most history keeps its id: links to it from elsewhere stay valid.
    int keepColumn = 0;
    for (int column = 0; column < m_candidates.size(); ++column) {
        const MergeCandidate& candidate = m_candidates.at(column);
        if (candidate.conversations > m_candidates.at(keepColumn).conversations)
            keepColumn = column;
        const QString created =
            candidate.contact.createdAt > 0
                ? QLocale().toString(QDateTime::fromSecsSinceEpoch(candidate.contact.createdAt).date(),
                                     QLocale::ShortFormat)
                : QString();
        auto* keep = new QRadioButton(
            tr("#%1 · %2 · %3")
                .arg(QString::number(candidate.contact.id),
                     counted(candidate.conversations, tr("%1 conversation"), tr("%1 conversations")),
                     counted(candidate.notes, tr("%1 note"), tr("%1 notes"))),
            this);
        keep->setObjectName(QStringLiteral("keep%1").arg(column));
        if (!created.isEmpty())
            keep->setToolTip(tr("Created %1").arg(created));
        m_keep->addButton(keep, column);
        grid->addWidget(keep, 0, column + 1);
    }
    m_keep->button(keepColumn)->setChecked(true);

    for (int field = 0; field < FieldCount; ++field) {
        grid->addWidget(new QLabel(fieldLabels.at(field), this), field + 1, 0);
        auto* group = new QButtonGroup(this);
        for (int column = 0; column < m_candidates.size(); ++column) {
            const QString value = valueText(m_candidates.at(column), static_cast<Field>(field));
            auto* choice = new QRadioButton(value.isEmpty() ? QStringLiteral("—") : value, this);
            choice->setObjectName(QStringLiteral("field%1_%2").arg(field).arg(column));
            group->addButton(choice, column);
            grid->addWidget(choice, field + 1, column + 1);
        }
        group->button(mostComplete(static_cast<Field>(field)))->setChecked(true);
        m_fields << group;
    }

    // What every record brings along, shown for recognizing the person: all of it is kept.
    const int keptRow = FieldCount + 1;
    grid->addWidget(new QLabel(tr("Reach by"), this), keptRow, 0, Qt::AlignTop);
    grid->addWidget(new QLabel(tr("Tags"), this), keptRow + 1, 0, Qt::AlignTop);
    for (int column = 0; column < m_candidates.size(); ++column) {
        const Contact& contact = m_candidates.at(column).contact;
        QStringList methods;
        for (const ContactMethod& method : contact.methods)
            methods << (method.kind == MethodKind::Email || method.kind == MethodKind::Phone
                            ? method.value
                            : QStringLiteral("%1: %2").arg(methodKindName(method.kind), method.value));
        auto* reach =
            new QLabel(methods.isEmpty() ? QStringLiteral("—") : methods.join(QLatin1Char('\n')), this);
        auto* tags = new QLabel(
            contact.tags.isEmpty() ? QStringLiteral("—") : contact.tags.join(QStringLiteral(", ")), this);
        for (QLabel* label : {reach, tags}) {
            label->setEnabled(false);
            label->setWordWrap(true);
        }
        grid->addWidget(reach, keptRow, column + 1, Qt::AlignTop);
        grid->addWidget(tags, keptRow + 1, column + 1, Qt::AlignTop);
    }

    QList<Contact> contacts;
    qint64 conversations = 0;
    qint64 notes = 0;
    for (const MergeCandidate& candidate : std::as_const(m_candidates)) {
        contacts << candidate.contact;
        conversations += candidate.conversations;
        notes += candidate.notes;
    }
    const Contact merged = ContactMerge::combined(contacts);
    auto* kept = new QLabel(tr("The merged contact keeps %1, %2, %3 and %4. Undo (%5) separates them again.")
                                .arg(counted(merged.methods.size(), tr("%1 email, phone or handle"),
                                             tr("%1 emails, phones and handles")),
                                     counted(merged.tags.size(), tr("%1 tag"), tr("%1 tags")),
                                     counted(conversations, tr("%1 conversation"), tr("%1 conversations")),
                                     counted(notes, tr("%1 trust note"), tr("%1 trust notes")),
                                     QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)),
                            this);
    kept->setObjectName(QStringLiteral("mergeSummary"));
    kept->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* merge = buttons->addButton(tr("&Merge"), QDialogButtonBox::AcceptRole);
    merge->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(grid);
    layout->addSpacing(6);
    layout->addWidget(kept);
    layout->addStretch();
    layout->addWidget(buttons);
}

MergeContactsDialog::~MergeContactsDialog() = default;

QString MergeContactsDialog::valueText(const MergeCandidate& candidate, Field field)
{
    const Contact& contact = candidate.contact;
    switch (field) {
    case Name:
        return contact.effectiveDisplayName();
    case Organization:
        return contact.organization.trimmed();
    case Title:
        return contact.title.trimmed();
    case Owner:
        return candidate.ownerName;
    case Cadence:
        return contact.cadenceDays ? tr("every %1 days").arg(*contact.cadenceDays) : QString();
    case FieldCount:
        break;
    }
    return {};
}

int MergeContactsDialog::mostComplete(Field field) const
{
    int best = 0;
    for (int column = 1; column < m_candidates.size(); ++column) {
        if (valueText(m_candidates.at(column), field).size() > valueText(m_candidates.at(best), field).size())
            best = column;
    }
    return best;
}

int MergeContactsDialog::chosenColumn(Field field) const
{
    return m_fields.at(field)->checkedId();
}

qint64 MergeContactsDialog::keptId() const
{
    return m_candidates.at(m_keep->checkedId()).contact.id;
}

QList<qint64> MergeContactsDialog::otherIds() const
{
    QList<qint64> others;
    for (const MergeCandidate& candidate : m_candidates) {
        if (candidate.contact.id != keptId())
            others << candidate.contact.id;
    }
    return others;
}

QString MergeContactsDialog::keptName() const
{
    return chosenFields().effectiveDisplayName();
}

Contact MergeContactsDialog::chosenFields() const
{
    Contact fields;
    const Contact& name = m_candidates.at(chosenColumn(Name)).contact;
    fields.givenName = name.givenName;
    fields.familyName = name.familyName;
    fields.displayName = name.displayName;
    fields.organization = m_candidates.at(chosenColumn(Organization)).contact.organization;
    fields.title = m_candidates.at(chosenColumn(Title)).contact.title;
    fields.ownerId = m_candidates.at(chosenColumn(Owner)).contact.ownerId;
    fields.cadenceDays = m_candidates.at(chosenColumn(Cadence)).contact.cadenceDays;
    return fields;
}

} // namespace rapport::ui
