// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dashboard/DashboardPage.h"

#include "core/base/Clock.h"
#include "core/csv/CsvWriter.h"
#include "core/dashboard/DashboardCsv.h"
#include "core/scoring/ScoreCalculator.h"
#include "ui/dashboard/ConnectorsWidget.h"
#include "ui/dashboard/DashboardCharts.h"
#include "ui/dashboard/DashboardContactsModel.h"
#include "ui/session/DatabaseSession.h"
#include "ui/widgets/BandStyle.h"
#include "ui/widgets/FilterChoices.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

namespace rapport::ui {

namespace {

constexpr qint64 daySeconds = 86400;

QString percent(double share)
{
    return QStringLiteral("%1%").arg(std::lround(100.0 * share));
}

// What Δ30 and the moves compare with: 30 days before the end, or (from the past-health cache) the newest
// stored week end before that, named by its last day.
bool comparesWithMonthAgo(const DashboardData& data)
{
    const qint64 at = data.trend.empty() ? data.filter.end : data.trend.back().at;
    return data.kpis.comparedWith == at - 30 * daySeconds;
}

QString comparedWith(const DashboardData& data)
{
    if (comparesWithMonthAgo(data))
        return DashboardPage::tr("30 days ago");
    return DashboardPage::tr("the week ending %1")
        .arg(QDateTime::fromSecsSinceEpoch(data.kpis.comparedWith - 1, QTimeZone::utc())
                 .date()
                 .toString(Qt::ISODate));
}

const std::array<const char*, DashboardPage::ChartCount> chartNames{
    "bands", "trend", "owners", "channels", "reciprocity", "trust", "participation"};

} // namespace

DashboardPage::DashboardPage(DatabaseSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_computation(new DashboardComputation(session, this))
    , m_contacts(new DashboardContactsModel(this))
    , m_debounce(new QTimer(this))
{
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(8);
    layout->addWidget(createFilters());
    layout->addWidget(createKpis());
    layout->addWidget(createCharts());
    // The connectors sit beside the band's contacts: the page does not grow taller for them.
    auto* lists = new QHBoxLayout;
    lists->setSpacing(16);
    lists->addWidget(createContactList(), 1);
    m_connectors = new ConnectorsWidget(content);
    connect(m_connectors, &ConnectorsWidget::contactRequested, this, &DashboardPage::contactRequested);
    lists->addWidget(m_connectors);
    layout->addLayout(lists, 1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    // Bursts of edits (an import, undo of many) recompute once.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &DashboardPage::refresh);
    connect(m_computation, &DashboardComputation::finished, this, &DashboardPage::show);
    connect(m_computation, &DashboardComputation::busyChanged, this, &DashboardPage::showBusy);
    connect(m_computation, &DashboardComputation::rebuildingHistory, this,
            &DashboardPage::showRebuildingHistory);
    connect(m_computation, &DashboardComputation::failed, this, [this](const QString& message) {
        m_status->setText(tr("Could not compute the dashboard: %1").arg(message));
    });
    connect(&m_session, &DatabaseSession::contactChanged, this, &DashboardPage::contactsChanged);
    connect(&m_session, &DatabaseSession::contactsReset, this, [this] {
        fillFilterChoices();
        contactsChanged();
    });
    connect(&m_session, &DatabaseSession::scoresLoaded, this, &DashboardPage::contactsChanged);
    fillFilterChoices();
}

DashboardPage::~DashboardPage() = default;

QWidget* DashboardPage::createFilters()
{
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_owner = new QComboBox(bar);
    m_tag = new QComboBox(bar);
    m_period = new QComboBox(bar);
    m_period->addItem(tr("Last 30 days"), static_cast<int>(DashboardPeriod::Last30Days));
    m_period->addItem(tr("Last 90 days"), static_cast<int>(DashboardPeriod::Last90Days));
    m_period->addItem(tr("Last 365 days"), static_cast<int>(DashboardPeriod::Last365Days));
    m_period->addItem(tr("Custom…"), static_cast<int>(DashboardPeriod::Custom));
    m_period->setCurrentIndex(1);
    const QDate today = Clock::nowUtc().date();
    m_from = new QDateEdit(today.addDays(-90), bar);
    m_to = new QDateEdit(today, bar);
    m_from->setObjectName(QStringLiteral("dashboardFrom"));
    m_to->setObjectName(QStringLiteral("dashboardTo"));
    // The period cannot end before it starts, nor reach past today: the end date follows a later start.
    m_from->setMaximumDate(today);
    m_to->setMaximumDate(today);
    m_to->setMinimumDate(m_from->date());
    connect(m_from, &QDateEdit::dateChanged, m_to, &QDateEdit::setMinimumDate);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setVisible(false);
        connect(edit, &QDateEdit::dateChanged, this, &DashboardPage::refresh);
    }
    m_busy = new QProgressBar(bar);
    m_busy->setRange(0, 0);
    m_busy->setFixedWidth(90);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    m_status = new QLabel(bar);
    auto* csv = new QPushButton(tr("Export numbers (CSV)…"), bar);
    connect(csv, &QPushButton::clicked, this, &DashboardPage::chooseCsvExport);

    row->addWidget(new QLabel(tr("Owner:"), bar));
    row->addWidget(m_owner);
    row->addWidget(new QLabel(tr("Tag:"), bar));
    row->addWidget(m_tag);
    row->addWidget(new QLabel(tr("Period:"), bar));
    row->addWidget(m_period);
    row->addWidget(m_from);
    row->addWidget(m_to);
    row->addSpacing(12);
    row->addWidget(m_busy);
    row->addWidget(m_status, 1);
    row->addWidget(csv);
    for (QComboBox* box : {m_owner, m_tag, m_period})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            const bool custom = m_period->currentData().toInt() == static_cast<int>(DashboardPeriod::Custom);
            m_from->setVisible(custom);
            m_to->setVisible(custom);
            refresh();
        });
    return bar;
}

QWidget* DashboardPage::createKpis()
{
    auto* tiles = new QWidget(this);
    auto* row = new QHBoxLayout(tiles);
    row->setContentsMargins(0, 0, 0, 0);
    const std::array<QString, KpiCount> captions{
        tr("Active relationships"), tr("Average score"), tr("Moved to Cooling or At risk (30 days)"),
        tr("Conversations this period"), tr("Median response balance")};
    for (int kpi = 0; kpi < KpiCount; ++kpi) {
        auto* tile = new QFrame(tiles);
        tile->setFrameShape(QFrame::StyledPanel);
        tile->setAutoFillBackground(true);
        tile->setBackgroundRole(QPalette::Base);
        auto* column = new QVBoxLayout(tile);
        column->setContentsMargins(10, 6, 10, 6);
        column->setSpacing(0);
        auto* caption = new QLabel(captions[static_cast<size_t>(kpi)], tile);
        caption->setForegroundRole(QPalette::PlaceholderText);
        auto* value = new QLabel(QStringLiteral("–"), tile);
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 1.9);
        big.setBold(true);
        value->setFont(big);
        auto* detail = new QLabel(tile);
        detail->setForegroundRole(QPalette::PlaceholderText);
        column->addWidget(caption);
        column->addWidget(value);
        column->addWidget(detail);
        m_kpiValues[static_cast<size_t>(kpi)] = value;
        m_kpiDetails[static_cast<size_t>(kpi)] = detail;
        row->addWidget(tile, 1);
    }
    return tiles;
}

QWidget* DashboardPage::createCharts()
{
    auto* grid = new QWidget(this);
    auto* layout = new QGridLayout(grid);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    for (int chart = 0; chart < ChartCount; ++chart) {
        auto* view = new QChartView(grid);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(245);
        view->setContextMenuPolicy(Qt::ActionsContextMenu);
        auto* png = new QAction(tr("Save chart as PNG…"), view);
        auto* svg = new QAction(tr("Save chart as SVG…"), view);
        connect(png, &QAction::triggered, this,
                [this, chart] { chooseExport(Chart(chart), QStringLiteral("png")); });
        connect(svg, &QAction::triggered, this,
                [this, chart] { chooseExport(Chart(chart), QStringLiteral("svg")); });
        view->addAction(png);
        view->addAction(svg);
        view->setToolTip(tr("Right-click to save this chart as PNG or SVG"));
        m_charts[static_cast<size_t>(chart)] = view;
        // Participation spans the row under the others: a year of weekly bars needs the width.
        if (chart == ParticipationChart)
            layout->addWidget(view, chart / 3, 0, 1, 3);
        else
            layout->addWidget(view, chart / 3, chart % 3);
    }
    return grid;
}

QWidget* DashboardPage::createContactList()
{
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* header = new QHBoxLayout;
    m_listTitle = new QLabel(box);
    QFont bold = m_listTitle->font();
    bold.setBold(true);
    m_listTitle->setFont(bold);
    m_showAtRisk = new QPushButton(tr("Show At risk"), box);
    m_showAtRisk->setVisible(false);
    connect(m_showAtRisk, &QPushButton::clicked, this, [this] { selectBand(std::nullopt); });
    auto* log = new QPushButton(tr("&Log conversation…"), box);
    connect(log, &QPushButton::clicked, this, [this] {
        if (const qint64 contact = currentContactId())
            emit logConversationRequested(contact);
    });
    header->addWidget(m_listTitle, 1);
    header->addWidget(m_showAtRisk);
    header->addWidget(log);
    layout->addLayout(header);

    m_table = new QTableView(box);
    m_table->setModel(m_contacts);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setMinimumHeight(240);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setItemDelegateForColumn(DashboardContactsModel::BandColumn, new BandChipDelegate(m_table));
    m_table->setColumnWidth(DashboardContactsModel::NameColumn, 180);
    m_table->setColumnWidth(DashboardContactsModel::OwnerColumn, 140);
    m_table->setColumnWidth(DashboardContactsModel::BandColumn, 100);
    m_table->setColumnWidth(DashboardContactsModel::ScoreColumn, 60);
    m_table->setColumnWidth(DashboardContactsModel::DeltaColumn, 60);
    connect(m_table, &QTableView::doubleClicked, this,
            [this](const QModelIndex& index) { emit contactRequested(m_contacts->contactAt(index.row())); });
    layout->addWidget(m_table, 1);
    return box;
}

void DashboardPage::fillFilterChoices()
{
    fillOwnerAndTagChoices(m_session.database(), *m_owner, *m_tag);
}

DashboardFilter DashboardPage::filter() const
{
    const auto period = static_cast<DashboardPeriod>(m_period->currentData().toInt());
    DashboardFilter result = DashboardFilter::lastDays(period, Clock::nowSeconds());
    if (period == DashboardPeriod::Custom) {
        const qint64 start = QDateTime(m_from->date(), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        // The end date is included: the period ends at the following midnight.
        const qint64 end = QDateTime(m_to->date(), QTime(0, 0), Qt::UTC).toSecsSinceEpoch() + daySeconds;
        result = DashboardFilter::custom(start, end)
                     .value_or(DashboardFilter::custom(start, start + daySeconds).value());
    }
    result.ownerId = chosenId(*m_owner);
    result.tagId = chosenId(*m_tag);
    return result;
}

void DashboardPage::refresh()
{
    m_dirty = false;
    if (!m_session.scoresReady()) {
        m_status->setText(tr("Waiting for the scores to load…"));
        m_dirty = true;
        return;
    }
    m_elapsed.start();
    m_computation->request(filter(), m_band);
}

void DashboardPage::selectBand(std::optional<Band> band)
{
    m_band = band;
    refresh();
}

void DashboardPage::contactsChanged()
{
    if (isVisible())
        m_debounce->start();
    else
        m_dirty = true;
}

void DashboardPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

void DashboardPage::showBusy(bool busy)
{
    m_busy->setVisible(busy);
    if (busy)
        m_status->setText(tr("Computing…"));
}

void DashboardPage::showRebuildingHistory()
{
    // Queued from the worker: a computation already collected (waitForFinished) has shown its result.
    if (m_computation->isBusy())
        m_status->setText(
            tr("Computing history… (the last year's weekly health, once after changes to the past)"));
}

void DashboardPage::show(const DashboardResult& result)
{
    m_data = result.data;
    const DashboardData& data = m_data;
    m_status->setText(tr("%1 · %2 contacts · computed in %3 ms")
                          .arg(data.filter.describe())
                          .arg(data.contacts)
                          .arg(m_elapsed.elapsed()));
    if (result.historyRebuildFailure.isEmpty()) {
        m_reportedRebuildFailure.clear();
    } else {
        const QString problem =
            tr("Could not rebuild the dashboard's weekly history: %1; the figures were computed from the "
               "log instead.")
                .arg(result.historyRebuildFailure);
        m_status->setText(m_status->text() + QStringLiteral(" · ") + problem);
        // Every computation retries the rebuild: the window hears of a failure once, not on each filter
        // change, while the status line keeps saying it.
        if (problem != m_reportedRebuildFailure)
            emit m_session.errorOccurred(problem);
        m_reportedRebuildFailure = problem;
    }

    const auto set = [this](Kpi kpi, const QString& value, const QString& detail) {
        m_kpiValues[static_cast<size_t>(kpi)]->setText(value);
        m_kpiDetails[static_cast<size_t>(kpi)]->setText(detail);
    };
    set(ActiveKpi, QString::number(data.kpis.activeRelationships), tr("of %1 contacts").arg(data.contacts));
    const QString earlier = comparedWith(data);
    set(AverageKpi,
        data.kpis.averageScore ? QString::number(std::lround(*data.kpis.averageScore)) : QStringLiteral("–"),
        data.kpis.averageScoreDelta30
            ? tr("%1 vs %2").arg(formatScoreDelta(*data.kpis.averageScoreDelta30), earlier)
            : tr("no score %1").arg(earlier));
    set(MovedKpi, QString::number(data.kpis.movedToCooling + data.kpis.movedToAtRisk),
        tr("%1 to Cooling · %2 to At risk").arg(data.kpis.movedToCooling).arg(data.kpis.movedToAtRisk));
    const QString compareTip =
        tr("Compared with the scores at %1: the stored weekly history ends on Sundays, and this is its "
           "newest week end at least 30 days before the end of the period.")
            .arg(earlier);
    for (const Kpi kpi : {AverageKpi, MovedKpi})
        m_kpiDetails[static_cast<size_t>(kpi)]->setToolTip(comparesWithMonthAgo(data) ? QString()
                                                                                      : compareTip);
    set(ConversationsKpi, QString::number(data.kpis.conversations), data.filter.describe());
    set(BalanceKpi,
        data.kpis.medianResponseBalance ? percent(*data.kpis.medianResponseBalance) : QStringLiteral("–"),
        tr("of messages come from them"));

    const std::array<QChart*, ChartCount> charts{
        DashboardCharts::bands(data, [this](Band band) { selectBand(band); }),
        DashboardCharts::trend(data),
        DashboardCharts::owners(data),
        DashboardCharts::channels(data),
        DashboardCharts::reciprocity(data),
        DashboardCharts::trust(data),
        DashboardCharts::participation(data),
    };
    for (int chart = 0; chart < ChartCount; ++chart) {
        QChartView* view = m_charts[static_cast<size_t>(chart)];
        QChart* previous = view->chart();
        view->setChart(charts[static_cast<size_t>(chart)]);
        // setChart() hands the previous chart back to us.
        previous->deleteLater();
    }

    m_connectors->setConnectors(result.connectors);

    const BandContacts contacts =
        result.band ? *result.band : BandContacts{Band::AtRisk, data.atRisk, data.atRiskTotal};
    m_contacts->setContacts(contacts);
    m_showAtRisk->setVisible(contacts.band != Band::AtRisk);
    m_listTitle->setText(
        contacts.total > static_cast<int>(contacts.contacts.size())
            ? tr("%1: the %2 most overdue of %3 contacts")
                  .arg(bandName(contacts.band))
                  .arg(contacts.contacts.size())
                  .arg(contacts.total)
            : tr("%1: %2 contacts, most overdue first").arg(bandName(contacts.band)).arg(contacts.total));
}

QString DashboardPage::kpiText(Kpi kpi) const
{
    return m_kpiValues[static_cast<size_t>(kpi)]->text();
}

qint64 DashboardPage::currentContactId() const
{
    return m_contacts->contactAt(m_table->currentIndex().row());
}

Status DashboardPage::exportChart(Chart chart, const QString& path)
{
    QChartView& view = *m_charts[static_cast<size_t>(chart)];
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0)
        return DashboardCharts::saveSvg(view, path);
    return DashboardCharts::savePng(view, path);
}

Status DashboardPage::exportCsv(const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::badInput(tr("cannot write '%1': %2").arg(path, file.errorString()));
    CsvWriter writer(file, path, CsvWriteOptions{true});
    if (Status written = DashboardCsv::write(m_data, writer); !written)
        return written;
    if (!file.commit())
        return Error::badInput(tr("cannot write '%1': %2").arg(path, file.errorString()));
    return {};
}

void DashboardPage::chooseExport(Chart chart, const QString& suffix)
{
    const QString name =
        QStringLiteral("dashboard-%1.%2").arg(QLatin1String(chartNames[static_cast<size_t>(chart)]), suffix);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save chart"), name,
        suffix == QLatin1String("svg") ? tr("SVG drawing (*.svg)") : tr("PNG image (*.png)"));
    if (path.isEmpty())
        return;
    if (Status saved = exportChart(chart, path); !saved)
        QMessageBox::warning(this, tr("Save chart"), saved.error().message);
}

void DashboardPage::chooseCsvExport()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export dashboard numbers"), QStringLiteral("dashboard.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (Status saved = exportCsv(path); !saved)
        QMessageBox::warning(this, tr("Export dashboard numbers"), saved.error().message);
}

} // namespace rapport::ui
