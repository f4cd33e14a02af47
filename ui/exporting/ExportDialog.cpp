// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/exporting/ExportDialog.h"

#include "core/base/Clock.h"
#include "core/csv/CsvWriter.h"
#include "core/storage/TagRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "core/vcard/VCardExport.h"
#include "ui/session/DatabaseSession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QTimeZone>
#include <QToolButton>

namespace rapport::ui {

namespace {

constexpr int defaultPeriodDays = 90;

// The report combo's key for the contacts as vCard; the CSV reports' keys are their reportKindName().
const QLatin1String vcardChoice("vcard");

qint64 startOfDay(const QDate& date)
{
    return date.startOfDay(QTimeZone::utc()).toSecsSinceEpoch();
}

QString reportLabel(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Contacts:
        return ExportDialog::tr("Contacts: one row per contact, with emails, handles and tags");
    case ReportKind::Interactions:
        return ExportDialog::tr("Conversations: one row per conversation, oldest first");
    case ReportKind::Notes:
        return ExportDialog::tr("Trust notes: one row per note, oldest first");
    case ReportKind::Health:
        return ExportDialog::tr("Health: each active contact's score and its explanation");
    case ReportKind::AtRisk:
        return ExportDialog::tr("At risk: At risk and Cooling relationships, most overdue first");
    }
    return {};
}

} // namespace

ExportDialog::ExportDialog(DatabaseSession& session, const QString& owner, const QString& tag,
                           QWidget* parent)
    : QDialog(parent)
    , m_databasePath(session.path())
    , m_form(new QWidget(this))
    , m_report(new QComboBox(this))
    , m_sinceEnabled(new QCheckBox(tr("&From"), this))
    , m_since(new QDateEdit(this))
    , m_untilEnabled(new QCheckBox(tr("&Until"), this))
    , m_until(new QDateEdit(this))
    , m_owner(new QComboBox(this))
    , m_tag(new QComboBox(this))
    , m_bom(new QCheckBox(tr("Start with a byte-order mark, so that Excel shows accents"), this))
    , m_vcardVersion(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Export a report"));
    for (const QString& name : reportKindNames())
        m_report->addItem(reportLabel(*parseReportKind(name)), name);
    m_report->addItem(tr("Contacts as vCard (.vcf): one card per contact, for phones and address books"),
                      vcardChoice);
    m_report->setObjectName(QStringLiteral("report"));
    m_vcardVersion->setObjectName(QStringLiteral("vcardVersion"));
    m_vcardVersion->addItem(tr("vCard 4.0 (RFC 6350)"), static_cast<int>(VCardVersion::V4));
    m_vcardVersion->addItem(tr("vCard 3.0 (RFC 2426), for older address books"),
                            static_cast<int>(VCardVersion::V3));

    const QDate today = Clock::nowUtc().date();
    for (QDateEdit* date : {m_since, m_until}) {
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        date->setEnabled(false);
    }
    m_since->setDate(today.addDays(-defaultPeriodDays));
    m_until->setDate(today);
    m_since->setObjectName(QStringLiteral("since"));
    m_until->setObjectName(QStringLiteral("until"));
    m_sinceEnabled->setObjectName(QStringLiteral("sinceEnabled"));
    m_untilEnabled->setObjectName(QStringLiteral("untilEnabled"));
    connect(m_sinceEnabled, &QCheckBox::toggled, m_since, &QWidget::setEnabled);
    connect(m_untilEnabled, &QCheckBox::toggled, m_until, &QWidget::setEnabled);

    m_owner->setObjectName(QStringLiteral("owner"));
    m_owner->addItem(tr("Any owner"), QString());
    if (const Result<QList<TeamMember>> members = TeamMemberRepository(session.database()).list()) {
        for (const TeamMember& member : *members)
            m_owner->addItem(member.name, member.name);
    }
    m_owner->setCurrentIndex(std::max(0, m_owner->findData(owner)));
    m_tag->setObjectName(QStringLiteral("tag"));
    m_tag->addItem(tr("Any tag"), QString());
    if (const Result<QList<Tag>> tags = TagRepository(session.database()).list()) {
        for (const Tag& each : *tags)
            m_tag->addItem(each.name, each.name);
    }
    m_tag->setCurrentIndex(std::max(0, m_tag->findData(tag)));

    m_bom->setObjectName(QStringLiteral("bom"));
    m_bom->setChecked(true);
    m_path->setObjectName(QStringLiteral("path"));
    auto* browse = new QToolButton(this);
    browse->setText(tr("Choose…"));
    connect(browse, &QToolButton::clicked, this, &ExportDialog::chooseFile);

    auto* period = new QHBoxLayout;
    period->addWidget(m_sinceEnabled);
    period->addWidget(m_since);
    period->addSpacing(12);
    period->addWidget(m_untilEnabled);
    period->addWidget(m_until);
    period->addStretch(1);
    auto* file = new QHBoxLayout;
    file->addWidget(m_path, 1);
    file->addWidget(browse);

    m_formLayout = new QFormLayout(m_form);
    m_formLayout->setContentsMargins(0, 0, 0, 0);
    m_formLayout->addRow(tr("&Report:"), m_report);
    m_formLayout->addRow(tr("Period:"), period);
    m_formLayout->addRow(tr("&Owner:"), m_owner);
    m_formLayout->addRow(tr("&Tag:"), m_tag);
    m_formLayout->addRow(QString(), m_bom);
    m_formLayout->addRow(tr("&Version:"), m_vcardVersion);
    // A row whose field is a layout gets no buddy from QFormLayout: the label needs one for its "&".
    auto* fileLabel = new QLabel(tr("&File:"), m_form);
    fileLabel->setBuddy(m_path);
    m_formLayout->addRow(fileLabel, file);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    connect(m_report, &QComboBox::currentIndexChanged, this, &ExportDialog::showChoice);
    showChoice();

    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    m_exportButton = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_task.isRunning()) {
            m_task.cancel();
            m_status->setText(tr("Cancelling…"));
        } else {
            QDialog::reject();
        }
    });
    connect(&m_task, &BackgroundTask::progressed, this,
            [this](int permille) { showProgress(*m_progress, permille); });
    connect(&m_task, &BackgroundTask::finished, this, &ExportDialog::exportFinished);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addWidget(m_hint);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(620);
    m_report->setFocus();
}

ExportDialog::~ExportDialog() = default;

std::optional<ReportKind> ExportDialog::kind() const
{
    return parseReportKind(m_report->currentData().toString());
}

VCardVersion ExportDialog::vcardVersion() const
{
    return static_cast<VCardVersion>(m_vcardVersion->currentData().toInt());
}

void ExportDialog::showChoice()
{
    const bool cards = !kind();
    m_formLayout->setRowVisible(m_bom, !cards);
    m_formLayout->setRowVisible(m_vcardVersion, cards);
    m_path->setPlaceholderText(cards ? tr("Choose where to save the vCard file")
                                     : tr("Choose where to save the CSV file"));
    m_hint->setText(cards ? tr("The period selects contacts by having a conversation in it. The file holds "
                               "one card per contact, UTF-8 with CRLF lines, as rapport export vcard "
                               "writes it.")
                          : tr("The period selects conversations and notes by their date, and contacts by "
                               "having a conversation in it; health scores are read at its end. The file "
                               "is UTF-8 CSV with ISO 8601 dates."));
}

void ExportDialog::setPeriod(const QDate& from, const QDate& until)
{
    m_sinceEnabled->setChecked(true);
    m_since->setDate(from);
    m_untilEnabled->setChecked(true);
    m_until->setDate(until);
}

ReportFilter ExportDialog::filter() const
{
    ReportFilter filter;
    if (m_sinceEnabled->isChecked())
        filter.since = startOfDay(m_since->date());
    // The until date is included, as `rapport export --until DATE` includes that whole day.
    if (m_untilEnabled->isChecked())
        filter.until = startOfDay(m_until->date().addDays(1));
    filter.owner = m_owner->currentData().toString();
    filter.tag = m_tag->currentData().toString();
    return filter;
}

QString ExportDialog::outputPath() const
{
    QString path = m_path->text().trimmed();
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += kind() ? QStringLiteral(".csv") : QStringLiteral(".vcf");
    return path;
}

void ExportDialog::chooseFile()
{
    const std::optional<ReportKind> report = kind();
    const QString name =
        report ? reportKindName(*report) + QStringLiteral(".csv") : QStringLiteral("contacts.vcf");
    const QString start =
        m_path->text().isEmpty() ? QFileInfo(m_databasePath).absoluteDir().filePath(name) : m_path->text();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export to"), start,
                                                      report ? tr("CSV files (*.csv);;All files (*)")
                                                             : tr("vCard files (*.vcf);;All files (*)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void ExportDialog::startExport()
{
    if (m_task.isRunning())
        return;
    const QString path = outputPath();
    if (path.isEmpty()) {
        showProblem(tr("Choose the file to export to."));
        m_path->setFocus();
        return;
    }
    m_path->setText(path);
    m_exportedPath = path;
    m_outcome.reset();
    setBusy(true);
    m_status->setText(tr("Exporting…"));
    m_status->setStyleSheet(QString());
    m_status->show();
    m_task.start([this, databasePath = m_databasePath, path, kind = kind(), filter = filter(),
                  options = CsvWriteOptions{m_bom->isChecked()},
                  version = vcardVersion()](const ProgressCallback& progress) {
        const auto run = [&]() -> Result<qint64> {
            Result<std::unique_ptr<Database>> db = Database::open(databasePath);
            if (!db)
                return db.error();
            std::unique_ptr<Report> report;
            if (kind) {
                Result<std::unique_ptr<Report>> made = makeReport(*kind, **db, filter);
                if (!made)
                    return made.error();
                report = std::move(*made);
            }
            // QSaveFile writes beside the target and renames at the end: a cancelled or failed export
            // leaves any earlier file as it was and no partial one.
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return Error::badInput(tr("Cannot write %1: %2").arg(path, file.errorString()));
            const auto write = [&]() -> Result<qint64> {
                if (!report)
                    return exportVCards(**db, filter, version, file, path, progress);
                CsvWriter writer(file, path, options);
                return report->write(writer, progress);
            };
            const Result<qint64> rows = write();
            if (!rows || m_task.isCancelled()) {
                file.cancelWriting();
                return rows ? Result<qint64>(Error::cancelled()) : rows;
            }
            if (!file.commit())
                return Error::database(tr("Cannot write %1: %2").arg(path, file.errorString()));
            return rows;
        };
        m_outcome = run();
    });
}

void ExportDialog::exportFinished()
{
    setBusy(false);
    if (!m_outcome || !*m_outcome) {
        const bool cancelled = m_outcome && m_outcome->error().kind == ErrorKind::Cancelled;
        showProblem(cancelled ? tr("Cancelled: no file was written.")
                              : tr("The export failed: %1")
                                    .arg(m_outcome ? m_outcome->error().message : tr("unknown error")));
        return;
    }
    const qint64 rows = **m_outcome;
    if (kind())
        m_resultMessage = (rows == 1 ? tr("Exported 1 row to %1") : tr("Exported %2 rows to %1"))
                              .arg(m_exportedPath)
                              .arg(rows);
    else
        m_resultMessage = (rows == 1 ? tr("Exported 1 card to %1") : tr("Exported %2 cards to %1"))
                              .arg(m_exportedPath)
                              .arg(rows);
    accept();
}

void ExportDialog::setBusy(bool busy)
{
    m_form->setEnabled(!busy);
    m_exportButton->setEnabled(!busy);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setVisible(busy);
}

void ExportDialog::showProblem(const QString& message)
{
    m_status->setText(message);
    m_status->setStyleSheet(QStringLiteral("color: #c62828"));
    m_status->show();
}

void ExportDialog::reject()
{
    if (m_task.isRunning()) {
        m_task.cancel();
        m_task.wait();
    }
    QDialog::reject();
}

} // namespace rapport::ui
