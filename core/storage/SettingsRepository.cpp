// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/SettingsRepository.h"

namespace rapport {

Result<QMap<QString, QString>> SettingsRepository::load(const QString& prefix) const
{
    QSqlQuery query =
        m_db.prepare(QStringLiteral("SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?"));
    query.addBindValue(prefix.size());
    query.addBindValue(prefix);
    if (Status status = Database::run(query); !status)
        return status.error();
    QMap<QString, QString> values;
    while (query.next())
        values.insert(query.value(0).toString().mid(prefix.size()), query.value(1).toString());
    return values;
}

Status SettingsRepository::save(const QString& prefix, const QMap<QString, QString>& values)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    QSqlQuery clear = m_db.prepare(QStringLiteral("DELETE FROM settings WHERE substr(key, 1, ?) = ?"));
    clear.addBindValue(prefix.size());
    clear.addBindValue(prefix);
    if (Status status = Database::run(clear); !status)
        return status;
    QSqlQuery insert = m_db.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"));
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        insert.bindValue(0, prefix + it.key());
        insert.bindValue(1, it.value());
        if (Status status = Database::run(insert); !status)
            return status;
    }
    return transaction.commit();
}

} // namespace rapport
