// SPDX-License-Identifier: GPL-3.0-or-later
// Builds the dashboard's charts (Qt Charts) from its numbers, all in the app's band colours, with
// titles, axis titles, legends and hover tooltips; and saves a chart view as PNG or SVG.
#pragma once

#include "core/base/Result.h"
#include "core/dashboard/DashboardData.h"

#include <QString>
#include <functional>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace rapport::ui {

class DashboardCharts
{
public:
    // Band distribution; `clicked` hears which band's bar was clicked.
    static QChart* bands(const DashboardData& data, const std::function<void(Band)>& clicked);
    // Band counts (stacked) and the average score at the end of each week.
    static QChart* trend(const DashboardData& data);
    // Each owner's relationships by band, with the owner's average score in the label.
    static QChart* owners(const DashboardData& data);
    static QChart* channels(const DashboardData& data);
    // Outbound, inbound and mutual interactions per week; the title gives the share of one-sided ones.
    static QChart* reciprocity(const DashboardData& data);
    // Latest trust levels and the period's kept and broken commitments.
    static QChart* trust(const DashboardData& data);
    // People taking part in events per week, first-timers stacked on returning ones.
    static QChart* participation(const DashboardData& data);

    static Status savePng(QChartView& view, const QString& path);
    static Status saveSvg(QChartView& view, const QString& path);
};

} // namespace rapport::ui
