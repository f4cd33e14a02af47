#include "TestSupport.h"

namespace rapport::test {

TempDatabase::TempDatabase()
{
    REQUIRE(m_dir.isValid());
    reopen();
}

void TempDatabase::reopen()
{
    m_db.reset();
    Result<std::unique_ptr<Database>> opened = Database::open(path());
    INFO((opened.ok() ? std::string() : opened.error().message.toStdString()));
    REQUIRE(opened.ok());
    m_db = std::move(opened).value();
}

qint64 TempDatabase::number(const QString& sql)
{
    const Result<QVariant> value = m_db->scalar(sql);
    REQUIRE(value.ok());
    return value->toLongLong();
}

} // namespace rapport::test
