// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/CsvSupport.h"

#include "core/csv/CsvReader.h"

#include <QBuffer>
#include <QDir>
#include <QFile>

namespace rapport::test {

QByteArray exportReport(Database& db, ReportKind kind, const ReportFilter& filter, CsvWriteOptions options)
{
    std::unique_ptr<Report> report = require(makeReport(kind, db, filter));
    QByteArray data;
    QBuffer buffer(&data);
    REQUIRE(buffer.open(QIODevice::WriteOnly));
    CsvWriter writer(buffer, QStringLiteral("memory"), options);
    require(report->write(writer));
    requireOk(writer.finish());
    return data;
}

QList<QStringList> parseCsv(const QByteArray& bytes)
{
    QByteArray data = bytes;
    QBuffer buffer(&data);
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(buffer, QStringLiteral("memory"));
    QList<QStringList> rows;
    while (require(reader.next()))
        rows << reader.record().texts();
    return rows;
}

QString writeFile(const QString& folder, const QString& name, const QByteArray& bytes)
{
    const QString path = QDir(folder).filePath(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
    return path;
}

} // namespace rapport::test
