// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dashboard/DashboardCsv.h"

#include <QDateTime>

namespace rapport {

namespace {

QString dateOf(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).date().toString(Qt::ISODate);
}

class Rows
{
public:
    explicit Rows(CsvWriter& writer)
        : m_writer(writer)
    {}

    Status add(const QString& section, const QString& group, const QString& series, const QString& week,
               std::optional<double> value, int decimals = 2)
    {
        m_writer.addText(section);
        m_writer.addText(group);
        m_writer.addText(series);
        m_writer.addText(week);
        m_writer.addNumber(value, decimals);
        return m_writer.endRow();
    }

private:
    CsvWriter& m_writer;
};

} // namespace

QStringList DashboardCsv::header()
{
    return {QStringLiteral("section"), QStringLiteral("group"), QStringLiteral("series"),
            QStringLiteral("week"), QStringLiteral("value")};
}

Status DashboardCsv::write(const DashboardData& data, CsvWriter& writer)
{
    if (Status status = writer.writeHeader(header()); !status)
        return status;
    Rows rows(writer);
    const QString none;
    std::vector<std::pair<QString, std::optional<double>>> kpis{
        {QStringLiteral("contacts"), data.contacts},
        {QStringLiteral("active_relationships"), data.kpis.activeRelationships},
        {QStringLiteral("average_score"), data.kpis.averageScore},
        {QStringLiteral("average_score_delta_30"), data.kpis.averageScoreDelta30},
        {QStringLiteral("moved_to_cooling"), data.kpis.movedToCooling},
        {QStringLiteral("moved_to_at_risk"), data.kpis.movedToAtRisk},
        {QStringLiteral("conversations"), static_cast<double>(data.kpis.conversations)},
        {QStringLiteral("median_response_balance"), data.kpis.medianResponseBalance},
        {QStringLiteral("one_sided"), data.oneSided},
        {QStringLiteral("one_sided_share"), data.oneSidedShare()},
        {QStringLiteral("at_risk"), data.atRiskTotal},
    };
    for (const auto& [series, value] : kpis) {
        if (Status status = rows.add(QStringLiteral("kpi"), none, series, none, value, 4); !status)
            return status;
    }
    for (int band = 0; band < bandCount; ++band) {
        if (Status status = rows.add(QStringLiteral("band"), none, bandKey(Band(band)), none,
                                     data.bands[static_cast<size_t>(band)]);
            !status)
            return status;
    }
    for (const HealthPoint& point : data.trend) {
        const QString week = dateOf(point.at);
        if (Status status = rows.add(QStringLiteral("trend"), none, QStringLiteral("average_score"), week,
                                     point.averageScore);
            !status)
            return status;
        for (int band = 0; band < bandCount; ++band) {
            if (Status status = rows.add(QStringLiteral("trend"), none, bandKey(Band(band)), week,
                                         point.bands[static_cast<size_t>(band)]);
                !status)
                return status;
        }
    }
    for (const OwnerHealth& owner : data.owners) {
        for (int band = 0; band < bandCount; ++band) {
            if (Status status = rows.add(QStringLiteral("owner"), owner.name, bandKey(Band(band)), none,
                                         owner.bands[static_cast<size_t>(band)]);
                !status)
                return status;
        }
        if (Status status = rows.add(QStringLiteral("owner"), owner.name, QStringLiteral("average_score"),
                                     none, owner.averageScore);
            !status)
            return status;
    }
    for (const WeekActivity& week : data.weeks) {
        const QString start = dateOf(week.weekStart);
        for (Channel channel : allChannels) {
            if (Status status = rows.add(QStringLiteral("channel"), none, channelName(channel), start,
                                         static_cast<double>(week.channels[static_cast<size_t>(channel)]));
                !status)
                return status;
        }
        for (int direction = 0; direction < directionCount; ++direction) {
            if (Status status =
                    rows.add(QStringLiteral("reciprocity"), none, directionName(Direction(direction)), start,
                             static_cast<double>(week.directions[static_cast<size_t>(direction)]));
                !status)
                return status;
        }
    }
    for (int level = 1; level <= 5; ++level) {
        if (Status status = rows.add(QStringLiteral("trust"), none, QStringLiteral("level_%1").arg(level),
                                     none, data.trust.levels[static_cast<size_t>(level - 1)]);
            !status)
            return status;
    }
    const std::vector<std::pair<QString, int>> trust{
        {QStringLiteral("without_level"), data.trust.withoutLevel},
        {QStringLiteral("commitments_kept"), data.trust.commitmentsKept},
        {QStringLiteral("commitments_broken"), data.trust.commitmentsBroken},
    };
    for (const auto& [series, value] : trust) {
        if (Status status = rows.add(QStringLiteral("trust"), none, series, none, value); !status)
            return status;
    }
    for (const WeekParticipation& week : data.participation) {
        const QString start = dateOf(week.weekStart);
        for (const auto& [series, value] : {std::pair{QStringLiteral("first_time"), week.firstTimers},
                                            std::pair{QStringLiteral("returning"), week.returning}}) {
            if (Status status = rows.add(QStringLiteral("participation"), none, series, start, value);
                !status)
                return status;
        }
    }
    return writer.finish();
}

} // namespace rapport
