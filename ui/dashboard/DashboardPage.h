// SPDX-License-Identifier: GPL-3.0-or-later
// The relationship-health dashboard for team leads: filters (owner, tag, period) applied to every chart
// at once, KPI tiles, seven charts and the list of one band's contacts (At risk unless a band is clicked).
// The numbers are computed off the UI thread and recomputed when contacts change; charts export as PNG
// or SVG and the numbers as CSV.
#pragma once

#include "core/base/Result.h"
#include "ui/dashboard/DashboardComputation.h"

#include <QElapsedTimer>
#include <QWidget>
#include <array>
#include <optional>

class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace rapport::ui {

class ConnectorsWidget;
class DashboardContactsModel;
class DatabaseSession;

class DashboardPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardPage)

public:
    enum Chart
    {
        BandChart,
        TrendChart,
        OwnerChart,
        ChannelChart,
        ReciprocityChart,
        TrustChart,
        ParticipationChart,
        ChartCount
    };
    enum Kpi
    {
        ActiveKpi,
        AverageKpi,
        MovedKpi,
        ConversationsKpi,
        BalanceKpi,
        KpiCount
    };

    explicit DashboardPage(DatabaseSession& session, QWidget* parent = nullptr);
    ~DashboardPage() override;

    // Recomputes with the filters as they are set.
    void refresh();
    DashboardFilter filter() const;
    // Lists the contacts of this band under the charts; none goes back to At risk.
    void selectBand(std::optional<Band> band);

    const DashboardData& data() const { return m_data; }
    DashboardComputation* computation() const { return m_computation; }
    DashboardContactsModel* contactsModel() const { return m_contacts; }
    QTableView* contactsView() const { return m_table; }
    QComboBox* ownerFilter() const { return m_owner; }
    QComboBox* tagFilter() const { return m_tag; }
    QComboBox* periodFilter() const { return m_period; }
    QChartView* chartView(Chart chart) const { return m_charts[static_cast<size_t>(chart)]; }
    ConnectorsWidget* connectors() const { return m_connectors; }
    QString kpiText(Kpi kpi) const;
    qint64 currentContactId() const;

    // Saves a chart as PNG or SVG, chosen by the file's suffix.
    Status exportChart(Chart chart, const QString& path);
    // Saves the numbers as CSV (with a byte-order mark, so spreadsheets show accents).
    Status exportCsv(const QString& path);

signals:
    void contactRequested(qint64 contactId);
    void logConversationRequested(qint64 contactId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* createFilters();
    QWidget* createKpis();
    QWidget* createCharts();
    QWidget* createContactList();
    void fillFilterChoices();
    void contactsChanged();
    void show(const DashboardResult& result);
    void showBusy(bool busy);
    void showRebuildingHistory();
    void chooseExport(Chart chart, const QString& suffix);
    void chooseCsvExport();

    DatabaseSession& m_session;
    DashboardComputation* m_computation = nullptr;
    DashboardContactsModel* m_contacts = nullptr;
    DashboardData m_data;
    std::optional<Band> m_band;
    bool m_dirty = true;
    QString m_reportedRebuildFailure; // the failed history rebuild the window was last told of
    QElapsedTimer m_elapsed;
    QTimer* m_debounce = nullptr;
    QComboBox* m_owner = nullptr;
    QComboBox* m_tag = nullptr;
    QComboBox* m_period = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_status = nullptr;
    std::array<QLabel*, KpiCount> m_kpiValues{};
    std::array<QLabel*, KpiCount> m_kpiDetails{};
    std::array<QChartView*, ChartCount> m_charts{};
    ConnectorsWidget* m_connectors = nullptr;
    QLabel* m_listTitle = nullptr;
    QPushButton* m_showAtRisk = nullptr;
    QTableView* m_table = nullptr;
};

} // namespace rapport::ui
