// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contacts/DuplicatesDialog.h"

#include "core/model/PhoneNumber.h"
#include "ui/contacts/DuplicatePairModel.h"
#include "ui/contacts/MergeContactsDialog.h"
#include "ui/session/DatabaseSession.h"
#include "ui/undo/BackgroundCommand.h"
#include "ui/undo/BulkContactCommands.h"
#include "ui/undo/TagCommands.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace rapport::ui {

bool DuplicatesDialog::find(DatabaseSession& session, QWidget* parent,
                            std::function<void(DuplicateReport report)> found)
{
    auto report = std::make_shared<DuplicateReport>();
    DatabaseJob* job = session.startJob(
        tr("Looking for possible duplicates…"),
        [report](Database& db, const ProgressCallback&) -> Status {
            Result<DuplicateReport> read = DuplicateFinder(db, localPhoneRegion()).find();
            if (!read)
                return read.error();
            *report = std::move(*read);
            return {};
        },
        DatabaseJob::Cancel::NotAllowed, parent);
    if (!job) {
        emit session.errorOccurred(tr("Another edit is still running; look for duplicates when it is done."));
        return false;
    }
    QObject::connect(job, &DatabaseJob::finished, parent ? static_cast<QObject*>(parent) : &session,
                     [&session, report, found = std::move(found)](const Status& done) {
                         if (!done)
                             emit session.errorOccurred(
                                 tr("Could not look for duplicates: %1").arg(done.error().message));
                         else
                             found(std::move(*report));
                     });
    return true;
}

DuplicatesDialog::DuplicatesDialog(DatabaseSession& session, DuplicateReport report, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
{
    setWindowTitle(tr("Possible duplicates"));
    setObjectName(QStringLiteral("duplicatesDialog"));
    m_model = new DuplicatePairModel(std::move(report.pairs), this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("duplicatesSummary"));
    m_summary->setWordWrap(true);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("duplicatePairs"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(DuplicatePairModel::FirstColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DuplicatePairModel::SecondColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DuplicatePairModel::ReasonColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(DuplicatePairModel::ConfidenceColumn, QHeaderView::ResizeToContents);
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    connect(m_table, &QTableView::activated, this, [this] { mergeCurrent(); });

    m_tagGroups = std::move(report.tags);
    QGroupBox* tags = nullptr;
    if (!m_tagGroups.empty()) {
        tags = new QGroupBox(tr("Tags spelled alike"), this);
        tags->setObjectName(QStringLiteral("duplicateTags"));
        auto* rows = new QVBoxLayout;
        for (int group = 0; group < static_cast<int>(m_tagGroups.size()); ++group) {
            m_tagRows << tagGroupRow(group);
            rows->addWidget(m_tagRows.constLast());
        }
        rows->addStretch();
        auto* content = new QWidget;
        content->setLayout(rows);
        // A long list of groups scrolls rather than pushing the pairs off the screen.
        auto* scroll = new QScrollArea(tags);
        scroll->setWidget(content);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setMaximumHeight(std::min<int>(160, 12 + 40 * static_cast<int>(m_tagGroups.size())));
        auto* box = new QVBoxLayout(tags);
        box->setContentsMargins(4, 4, 4, 4);
        box->addWidget(scroll);
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_merge = buttons->addButton(tr("&Merge…"), QDialogButtonBox::ActionRole);
    m_merge->setObjectName(QStringLiteral("mergePair"));
    m_distinct = buttons->addButton(tr("&Not the same person"), QDialogButtonBox::ActionRole);
    m_distinct->setObjectName(QStringLiteral("markDistinct"));
    connect(m_merge, &QPushButton::clicked, this, [this] { mergeCurrent(); });
    connect(m_distinct, &QPushButton::clicked, this, [this] { markCurrentDistinct(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { updateState(); });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] { updateState(); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    if (tags)
        layout->addWidget(tags);
    layout->addWidget(buttons);
    resize(860, 480);
    updateState();
}

DuplicatesDialog::~DuplicatesDialog() = default;

QWidget* DuplicatesDialog::tagGroupRow(int group)
{
    const DuplicateTags& tags = m_tagGroups[static_cast<size_t>(group)];
    QStringList spellings;
    for (const TagSpelling& spelling : tags.spellings)
        spellings << (spelling.contacts == 1
                          ? tr("“%1” (1 contact)").arg(spelling.name)
                          : tr("“%1” (%2 contacts)").arg(spelling.name, QString::number(spelling.contacts)));
    auto* row = new QWidget;
    auto* label = new QLabel(spellings.join(QStringLiteral(" · ")), row);
    label->setWordWrap(true);
    const QString keep = tags.mostCarried().name;
    auto* merge = new QToolButton(row);
    merge->setObjectName(QStringLiteral("mergeTags%1").arg(group));
    merge->setPopupMode(QToolButton::MenuButtonPopup);
    merge->setToolButtonStyle(Qt::ToolButtonTextOnly);
    merge->setText(tr("Merge into “%1”").arg(keep));
    merge->setToolTip(
        tr("Every contact carrying one of these tags will carry “%1”; the other spellings go.").arg(keep));
    connect(merge, &QToolButton::clicked, this, [this, group, keep] { mergeTagGroup(group, keep); });
    auto* choices = new QMenu(merge);
    for (const TagSpelling& spelling : tags.spellings) {
        const QString name = spelling.name;
        choices->addAction(tr("Keep “%1”").arg(name), this,
                           [this, group, name] { mergeTagGroup(group, name); });
    }
    merge->setMenu(choices);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label, 1);
    layout->addWidget(merge);
    return row;
}

bool DuplicatesDialog::mergeTagGroup(int group, const QString& keep)
{
    if (group < 0 || group >= m_tagRows.size())
        return false;
    QStringList others = m_tagGroups[static_cast<size_t>(group)].names();
    others.removeOne(keep);
    if (!DatabaseCommand::push(m_session, std::make_unique<MergeTagsCommand>(m_session, keep, others)))
        return false;
    m_tagRows[group]->hide();
    return true;
}

int DuplicatesDialog::currentRow() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void DuplicatesDialog::updateState()
{
    const int pairs = m_model->rowCount();
    m_summary->setText(pairs == 0 ? tr("No possible duplicates: every contact looks like one person.")
                       : pairs == 1
                           ? tr("1 pair of contacts may be one person. Merge it, or mark it as not the same "
                                "person so that it is not proposed again.")
                           : tr("%1 pairs of contacts may be one person, most likely first. Merge each, or "
                                "mark it as not the same person so that it is not proposed again.")
                                 .arg(pairs));
    if (pairs > 0 && currentRow() < 0)
        m_table->selectRow(0);
    m_merge->setEnabled(currentRow() >= 0);
    m_distinct->setEnabled(currentRow() >= 0);
}

bool DuplicatesDialog::mergeCurrent()
{
    const int row = currentRow();
    if (row < 0)
        return false;
    const DuplicatePair pair = m_model->pairAt(row);
    Result<QList<MergeCandidate>> candidates =
        MergeContactsDialog::load(m_session.database(), {pair.firstId, pair.secondId});
    if (!candidates) {
        emit m_session.errorOccurred(tr("Could not read the pair: %1").arg(candidates.error().message));
        return false;
    }
    MergeContactsDialog dialog(std::move(*candidates), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const QList<qint64> others = dialog.otherIds();
    const qint64 keptId = dialog.keptId();
    return BackgroundCommand::start(m_session,
                                    std::make_unique<MergeContactsCommand>(
                                        m_session, keptId, others, dialog.chosenFields(), dialog.keptName()),
                                    this, [this, others, keptId](const BackgroundCommand&) {
                                        m_model->removeContacts(others);
                                        emit merged(keptId);
                                    });
}

bool DuplicatesDialog::markCurrentDistinct()
{
    const int row = currentRow();
    if (row < 0)
        return false;
    const DuplicatePair pair = m_model->pairAt(row);
    if (!DatabaseCommand::push(m_session, std::make_unique<MarkDistinctCommand>(
                                              m_session, pair.firstId, pair.secondId,
                                              tr("%1 and %2").arg(pair.firstName, pair.secondName))))
        return false;
    m_model->removePair(row);
    return true;
}

} // namespace rapport::ui
