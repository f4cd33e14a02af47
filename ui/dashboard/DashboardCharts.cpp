// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dashboard/DashboardCharts.h"

#include "ui/widgets/BandStyle.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QStackedBarSeries>
#include <QSvgGenerator>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace rapport::ui {

namespace {

void showTip(const QString& text)
{
    QToolTip::showText(QCursor::pos(), text);
}

QChart* newChart(const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    titleFont.setPointSizeF(10);
    chart->setTitleFont(titleFont);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(4);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setMarkerShape(QLegend::MarkerShapeCircle);
    QFont legendFont = chart->legend()->font();
    legendFont.setPointSizeF(7.5);
    chart->legend()->setFont(legendFont);
    return chart;
}

void styleAxis(QAbstractAxis* axis, const QString& title)
{
    axis->setTitleText(title);
    // Qt Charts elides labels to its first guess of the axis' room, often to a bare "…".
    axis->setTruncateLabels(false);
    QFont font = axis->labelsFont();
    font.setPointSizeF(8);
    axis->setLabelsFont(font);
    QFont titleFont = axis->titleFont();
    titleFont.setPointSizeF(8);
    titleFont.setBold(false);
    axis->setTitleFont(titleFont);
}

QValueAxis* countAxis(const QString& title, double maximum)
{
    auto* axis = new QValueAxis;
    styleAxis(axis, title);
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setRange(0, std::max(1.0, maximum));
    axis->applyNiceNumbers();
    return axis;
}

qint64 msecs(qint64 seconds)
{
    return seconds * 1000;
}

QString dayOf(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).date().toString(QStringLiteral("MMM d"));
}

QDateTimeAxis* weekAxis(const QString& title, qint64 first, qint64 last)
{
    auto* axis = new QDateTimeAxis;
    styleAxis(axis, title);
    axis->setFormat(QStringLiteral("MMM d"));
    axis->setRange(QDateTime::fromSecsSinceEpoch(first, Qt::UTC),
                   QDateTime::fromSecsSinceEpoch(std::max(last, first + 86400), Qt::UTC));
    axis->setTickCount(6);
    return axis;
}

// The index of the point nearest to a hovered x (msecs) among `moments` (seconds).
size_t nearest(const std::vector<qint64>& moments, double x)
{
    size_t best = 0;
    for (size_t i = 1; i < moments.size(); ++i) {
        if (std::abs(msecs(moments[i]) - x) < std::abs(msecs(moments[best]) - x))
            best = i;
    }
    return best;
}

struct Layer
{
    QString name;
    QColor color;
    std::vector<double> values; // one per moment
};

// Layers stacked as filled areas over weekly moments, with a tooltip naming the layer, week and count.
void addStackedAreas(QChart* chart, const std::vector<qint64>& moments, const std::vector<Layer>& layers,
                     QAbstractAxis* x, QAbstractAxis* y)
{
    std::vector<double> below(moments.size(), 0.0);
    for (const Layer& layer : layers) {
        auto* lower = new QLineSeries(chart);
        auto* upper = new QLineSeries(chart);
        for (size_t i = 0; i < moments.size(); ++i) {
            lower->append(static_cast<qreal>(msecs(moments[i])), below[i]);
            below[i] += layer.values[i];
            upper->append(static_cast<qreal>(msecs(moments[i])), below[i]);
        }
        auto* area = new QAreaSeries(upper, lower);
        area->setName(layer.name);
        QColor fill = layer.color;
        fill.setAlpha(200);
        area->setBrush(fill);
        area->setPen(QPen(layer.color.darker(120), 1));
        chart->addSeries(area);
        area->attachAxis(x);
        area->attachAxis(y);
        QObject::connect(area, &QAreaSeries::hovered, chart,
                         [moments, layer](const QPointF& point, bool state) {
                             if (!state)
                                 return;
                             const size_t i = nearest(moments, point.x());
                             showTip(QStringLiteral("%1, week of %2: %3")
                                         .arg(layer.name, dayOf(moments[i]))
                                         .arg(std::lround(layer.values[i])));
                         });
    }
}

QColor channelColor(Channel channel)
{
    static const std::array<QColor, channelCount> colors{QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                                                         QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd),
                                                         QColor(0x17, 0xbe, 0xcf), QColor(0xe3, 0x77, 0xc2),
                                                         QColor(0xbc, 0xbd, 0x22), QColor(0x7f, 0x7f, 0x7f)};
    return colors[static_cast<size_t>(channel)];
}

// The weeks that lie wholly inside the period. The period's bounds cut its first and last weeks (the
// current one is still going on), and a cut week drawn beside whole ones looks like a sudden drop; the
// title's total still counts them. A period shorter than a week keeps what it has.
std::vector<WeekActivity> wholeWeeks(const DashboardData& data)
{
    constexpr qint64 weekSeconds = 7 * 86400;
    std::vector<WeekActivity> whole;
    for (const WeekActivity& week : data.weeks) {
        if (week.weekStart >= data.filter.start && week.weekStart + weekSeconds <= data.filter.end)
            whole.push_back(week);
    }
    return whole.empty() ? data.weeks : whole;
}

std::vector<qint64> weekStarts(const std::vector<WeekActivity>& weeks)
{
    std::vector<qint64> moments;
    moments.reserve(weeks.size());
    for (const WeekActivity& week : weeks)
        moments.push_back(week.weekStart);
    return moments;
}

} // namespace

QChart* DashboardCharts::bands(const DashboardData& data, const std::function<void(Band)>& clicked)
{
    QChart* chart = newChart(QObject::tr("Relationships by band (%1 contacts)").arg(data.contacts));
    auto* series = new QStackedBarSeries(chart);
    QStringList categories;
    int largest = 0;
    for (int band = 0; band < bandCount; ++band) {
        categories << bandName(Band(band));
        largest = std::max(largest, data.bands[static_cast<size_t>(band)]);
    }
    for (int band = 0; band < bandCount; ++band) {
        auto* set = new QBarSet(bandName(Band(band)), series);
        for (int column = 0; column < bandCount; ++column)
            *set << (column == band ? data.bands[static_cast<size_t>(band)] : 0);
        set->setColor(bandColor(Band(band)));
        set->setBorderColor(bandColor(Band(band)).darker(120));
        series->append(set);
        const int count = data.bands[static_cast<size_t>(band)];
        const double share = data.contacts > 0 ? 100.0 * count / data.contacts : 0.0;
        QObject::connect(set, &QBarSet::hovered, chart, [band, count, share](bool state, int) {
            if (state)
                showTip(QObject::tr("%1: %2 contacts (%3%) — click to list them")
                            .arg(bandName(Band(band)))
                            .arg(count)
                            .arg(share, 0, 'f', 1));
        });
        QObject::connect(set, &QBarSet::clicked, chart, [band, clicked](int) { clicked(Band(band)); });
    }
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    styleAxis(x, QObject::tr("Band"));
    // Six names under narrow bars: slanted, none hides its neighbour.
    x->setLabelsAngle(-40);
    QFont names = x->labelsFont();
    names.setPointSizeF(7.5);
    x->setLabelsFont(names);
    QValueAxis* y = countAxis(QObject::tr("Contacts"), largest);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->setVisible(false); // the categories name the bands under their own bars
    return chart;
}

QChart* DashboardCharts::trend(const DashboardData& data)
{
    QChart* chart = newChart(QObject::tr("Health trend: bands and average score per week"));
    std::vector<qint64> moments;
    for (const HealthPoint& point : data.trend)
        moments.push_back(point.at);
    if (moments.empty())
        return chart;
    std::vector<Layer> layers;
    for (const Band band : {Band::Thriving, Band::Steady, Band::New, Band::Cooling, Band::AtRisk}) {
        Layer layer{bandName(band), bandColor(band), {}};
        for (const HealthPoint& point : data.trend)
            layer.values.push_back(point.bands[static_cast<size_t>(band)]);
        layers.push_back(std::move(layer));
    }
    int largest = 0;
    for (const HealthPoint& point : data.trend)
        largest = std::max(largest, point.scored);
    QDateTimeAxis* x = weekAxis(QObject::tr("Week ending"), moments.front(), moments.back());
    QValueAxis* y = countAxis(QObject::tr("Contacts"), largest);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    addStackedAreas(chart, moments, layers, x, y);

    auto* average = new QLineSeries(chart);
    average->setName(QObject::tr("Average score"));
    average->setPen(QPen(Qt::black, 2.5));
    average->setPointsVisible(true);
    for (const HealthPoint& point : data.trend)
        average->append(static_cast<qreal>(msecs(point.at)), point.averageScore.value_or(0));
    chart->addSeries(average);
    auto* score = new QValueAxis;
    styleAxis(score, QObject::tr("Average score"));
    score->setRange(0, 100);
    score->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(score, Qt::AlignRight);
    average->attachAxis(x);
    average->attachAxis(score);
    // The right axis names the line; the legend keeps its room for the five bands.
    for (QLegendMarker* marker : chart->legend()->markers(average))
        marker->setVisible(false);
    QObject::connect(average, &QLineSeries::hovered, chart,
                     [moments, data](const QPointF& point, bool state) {
                         if (!state)
                             return;
                         const size_t i = nearest(moments, point.x());
                         showTip(QObject::tr("Week ending %1: average score %2 over %3 contacts")
                                     .arg(dayOf(moments[i]))
                                     .arg(data.trend[i].averageScore.value_or(0), 0, 'f', 1)
                                     .arg(data.trend[i].scored));
                     });
    return chart;
}

QChart* DashboardCharts::owners(const DashboardData& data)
{
    QChart* chart = newChart(QObject::tr("By owner: bands · average score after the name"));
    auto* series = new QHorizontalStackedBarSeries(chart);
    QStringList categories;
    int largest = 0;
    for (const OwnerHealth& owner : data.owners) {
        const QString average =
            owner.averageScore ? QString::number(std::lround(*owner.averageScore)) : QStringLiteral("–");
        categories << QObject::tr("%1 · %2").arg(owner.name, average);
        int total = 0;
        for (const int n : owner.bands)
            total += n;
        largest = std::max(largest, total);
    }
    for (int band = 0; band < bandCount; ++band) {
        auto* set = new QBarSet(bandName(Band(band)), series);
        for (const OwnerHealth& owner : data.owners)
            *set << owner.bands[static_cast<size_t>(band)];
        set->setColor(bandColor(Band(band)));
        set->setBorderColor(bandColor(Band(band)).darker(120));
        series->append(set);
        QObject::connect(set, &QBarSet::hovered, chart, [band, owners = data.owners](bool state, int index) {
            if (!state || index < 0 || index >= static_cast<int>(owners.size()))
                return;
            const OwnerHealth& owner = owners[static_cast<size_t>(index)];
            showTip(QObject::tr("%1: %2 %3 of %4 scored (average %5)")
                        .arg(owner.name)
                        .arg(owner.bands[static_cast<size_t>(band)])
                        .arg(bandName(Band(band)))
                        .arg(owner.scored)
                        .arg(owner.averageScore ? QString::number(*owner.averageScore, 'f', 1)
                                                : QStringLiteral("–")));
        });
    }
    series->setBarWidth(0.75);
    chart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(categories);
    styleAxis(y, QString());
    y->setTitleVisible(false); // the chart's title says what the rows are; the names need the room
    QFont names = y->labelsFont();
    names.setPointSizeF(7.5);
    y->setLabelsFont(names);
    QValueAxis* x = countAxis(QObject::tr("Contacts"), largest);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    series->attachAxis(y);
    // Down the side, the legend leaves every owner's row the height its name needs.
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

QChart* DashboardCharts::channels(const DashboardData& data)
{
    QChart* chart =
        newChart(QObject::tr("Channel mix per whole week (%1 conversations)").arg(data.kpis.conversations));
    const std::vector<WeekActivity> weeks = wholeWeeks(data);
    const std::vector<qint64> moments = weekStarts(weeks);
    if (moments.empty())
        return chart;
    std::vector<Layer> layers;
    double largest = 0;
    std::vector<double> totals(moments.size(), 0.0);
    for (const Channel channel : allChannels) {
        Layer layer{channelLabel(channel), channelColor(channel), {}};
        double sum = 0;
        for (size_t i = 0; i < weeks.size(); ++i) {
            const auto n = static_cast<double>(weeks[i].channels[static_cast<size_t>(channel)]);
            layer.values.push_back(n);
            totals[i] += n;
            sum += n;
        }
        if (sum > 0)
            layers.push_back(std::move(layer));
    }
    for (const double total : totals)
        largest = std::max(largest, total);
    QDateTimeAxis* x = weekAxis(QObject::tr("Week"), moments.front(), moments.back());
    QValueAxis* y = countAxis(QObject::tr("Interactions"), largest);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    addStackedAreas(chart, moments, layers, x, y);
    // Up to eight channels: listed down the side, their names stay whole.
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

QChart* DashboardCharts::reciprocity(const DashboardData& data)
{
    QChart* chart = newChart(QObject::tr("Reciprocity per whole week; %1% one-sided")
                                 .arg(100.0 * data.oneSidedShare(), 0, 'f', 0));
    const std::vector<WeekActivity> weeks = wholeWeeks(data);
    const std::vector<qint64> moments = weekStarts(weeks);
    if (moments.empty())
        return chart;
    double largest = 0;
    for (const WeekActivity& week : weeks)
        for (const qint64 n : week.directions)
            largest = std::max(largest, static_cast<double>(n));
    QDateTimeAxis* x = weekAxis(QObject::tr("Week"), moments.front(), moments.back());
    QValueAxis* y = countAxis(QObject::tr("Interactions"), largest);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    const std::array<std::pair<QString, QColor>, directionCount> styles{{
        {QObject::tr("Outbound (you)"), QColor(0x15, 0x65, 0xc0)},
        {QObject::tr("Inbound (them)"), QColor(0x2e, 0x7d, 0x32)},
        {QObject::tr("Mutual"), QColor(0x8e, 0x24, 0xaa)},
    }};
    for (int direction = 0; direction < directionCount; ++direction) {
        auto* line = new QLineSeries(chart);
        const QString name = styles[static_cast<size_t>(direction)].first;
        line->setName(name);
        line->setPen(QPen(styles[static_cast<size_t>(direction)].second, 2));
        line->setPointsVisible(true);
        std::vector<double> values;
        for (const WeekActivity& week : weeks) {
            values.push_back(static_cast<double>(week.directions[static_cast<size_t>(direction)]));
            line->append(static_cast<qreal>(msecs(week.weekStart)), values.back());
        }
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        QObject::connect(line, &QLineSeries::hovered, chart,
                         [moments, values, name](const QPointF& point, bool state) {
                             if (!state)
                                 return;
                             const size_t i = nearest(moments, point.x());
                             showTip(QObject::tr("%1, week of %2: %3")
                                         .arg(name, dayOf(moments[i]))
                                         .arg(std::lround(values[i])));
                         });
    }
    return chart;
}

QChart* DashboardCharts::trust(const DashboardData& data)
{
    QChart* chart = newChart(QObject::tr("Trust: latest levels, commitments this period"));
    auto* series = new QStackedBarSeries(chart);
    const QStringList categories{QStringLiteral("1"),  QStringLiteral("2"), QStringLiteral("3"),
                                 QStringLiteral("4"),  QStringLiteral("5"), QObject::tr("Kept"),
                                 QObject::tr("Broken")};
    auto* levels = new QBarSet(QObject::tr("Contacts by level"), series);
    auto* kept = new QBarSet(QObject::tr("Kept"), series);
    auto* broken = new QBarSet(QObject::tr("Broken"), series);
    const std::vector<double> levelValues{double(data.trust.levels[0]),
                                          double(data.trust.levels[1]),
                                          double(data.trust.levels[2]),
                                          double(data.trust.levels[3]),
                                          double(data.trust.levels[4]),
                                          0,
                                          0};
    for (const double value : levelValues)
        *levels << value;
    *kept << 0 << 0 << 0 << 0 << 0 << data.trust.commitmentsKept << 0;
    *broken << 0 << 0 << 0 << 0 << 0 << 0 << data.trust.commitmentsBroken;
    levels->setColor(QColor(0x15, 0x65, 0xc0));
    kept->setColor(bandColor(Band::Thriving));
    broken->setColor(bandColor(Band::AtRisk));
    double largest = std::max(data.trust.commitmentsKept, data.trust.commitmentsBroken);
    for (const double value : levelValues)
        largest = std::max(largest, value);
    for (QBarSet* set : {levels, kept, broken}) {
        set->setBorderColor(set->color().darker(120));
        series->append(set);
        QObject::connect(set, &QBarSet::hovered, chart, [set, categories, data](bool state, int index) {
            if (!state || index < 0 || set->at(index) <= 0)
                return;
            if (index < 5)
                showTip(QObject::tr("%1 contacts whose latest trust level is %2 (%3 without a level)")
                            .arg(set->at(index))
                            .arg(index + 1)
                            .arg(data.trust.withoutLevel));
            else
                showTip(QObject::tr("Commitments %1: %2 notes in the period")
                            .arg(set->label().toLower())
                            .arg(set->at(index)));
        });
    }
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    styleAxis(x, QObject::tr("Trust level · commitments"));
    QValueAxis* y = countAxis(QObject::tr("Contacts · notes"), largest);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    return chart;
}

QChart* DashboardCharts::participation(const DashboardData& data)
{
    // Whole weeks only, as the other weekly charts: a week cut by the period's bounds would look empty.
    constexpr qint64 weekSeconds = 7 * 86400;
    std::vector<WeekParticipation> weeks;
    for (const WeekParticipation& week : data.participation) {
        if (week.weekStart >= data.filter.start && week.weekStart + weekSeconds <= data.filter.end)
            weeks.push_back(week);
    }
    if (weeks.empty())
        weeks = data.participation;
    int firstTimers = 0;
    int returning = 0;
    int largest = 0;
    for (const WeekParticipation& week : weeks) {
        firstTimers += week.firstTimers;
        returning += week.returning;
        largest = std::max(largest, week.total());
    }
    QChart* chart = newChart(QObject::tr("Event participation per whole week: %1 first-timers, %2 returning")
                                 .arg(firstTimers)
                                 .arg(returning));
    if (weeks.empty())
        return chart;
    auto* series = new QStackedBarSeries(chart);
    auto* returningSet = new QBarSet(QObject::tr("Returning"), series);
    auto* firstSet = new QBarSet(QObject::tr("First time"), series);
    QStringList categories;
    for (const WeekParticipation& week : weeks) {
        categories << dayOf(week.weekStart);
        *returningSet << week.returning;
        *firstSet << week.firstTimers;
    }
    returningSet->setColor(QColor(0x15, 0x65, 0xc0));
    firstSet->setColor(QColor(0xff, 0x8f, 0x00));
    // A count on each bar while there is room for it; a year of weeks has its counts in the tooltips.
    const bool labelled = weeks.size() <= 26;
    for (QBarSet* set : {returningSet, firstSet}) {
        set->setBorderColor(set->color().darker(120));
        set->setLabelColor(Qt::white);
        QFont font = set->labelFont();
        font.setPointSizeF(7);
        set->setLabelFont(font);
        series->append(set);
        QObject::connect(set, &QBarSet::hovered, chart, [weeks](bool state, int index) {
            if (!state || index < 0 || index >= static_cast<int>(weeks.size()))
                return;
            const WeekParticipation& week = weeks[static_cast<size_t>(index)];
            showTip(QObject::tr("Week of %1: %2 people took part, %3 for the first time")
                        .arg(dayOf(week.weekStart))
                        .arg(week.total())
                        .arg(week.firstTimers));
        });
    }
    series->setLabelsVisible(labelled);
    series->setBarWidth(0.75);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    styleAxis(x, QObject::tr("Week"));
    if (!labelled) {
        x->setLabelsAngle(-90);
        QFont small = x->labelsFont();
        small.setPointSizeF(6.5);
        x->setLabelsFont(small);
    }
    QValueAxis* y = countAxis(QObject::tr("People"), largest);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

Status DashboardCharts::savePng(QChartView& view, const QString& path)
{
    if (!view.grab().save(path, "PNG"))
        return Error::badInput(QObject::tr("cannot write the image '%1'").arg(path));
    return {};
}

Status DashboardCharts::saveSvg(QChartView& view, const QString& path)
{
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(view.size());
    generator.setViewBox(view.rect());
    generator.setTitle(view.chart() ? view.chart()->title() : QString());
    QPainter painter;
    if (!painter.begin(&generator))
        return Error::badInput(QObject::tr("cannot write the drawing '%1'").arg(path));
    view.render(&painter);
    painter.end();
    return {};
}

} // namespace rapport::ui
