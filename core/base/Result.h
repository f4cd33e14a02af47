// SPDX-License-Identifier: GPL-3.0-or-later
// Errors as values: every fallible core operation returns a Result that either holds the value
// or an Error whose message a person can act on.
#pragma once

#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace rapport {

enum class ErrorKind
{
    Usage,    // the caller asked for something malformed (exit code 1)
    BadInput, // data given to Rapport is invalid (exit code 2)
    Database, // the database could not be opened, read or written (exit code 3)
    NotFound, // a referenced record does not exist (treated as bad input)
    Cancelled
};

struct Error
{
    ErrorKind kind = ErrorKind::BadInput;
    QString message;

    static Error usage(QString text) { return {ErrorKind::Usage, std::move(text)}; }
    static Error badInput(QString text) { return {ErrorKind::BadInput, std::move(text)}; }
    static Error database(QString text) { return {ErrorKind::Database, std::move(text)}; }
    static Error notFound(QString text) { return {ErrorKind::NotFound, std::move(text)}; }
    static Error cancelled() { return {ErrorKind::Cancelled, QStringLiteral("cancelled")}; }
};

template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {}
    Result(Error error)
        : m_state(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// The result of an operation that produces no value.
template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    // Like Result<T>, misuse throws (std::bad_optional_access) instead of reading an empty optional.
    const Error& error() const { return m_error.value(); }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace rapport
