$version: "2"

namespace example.weather

structure Broken {
    high: Integer
    low Integer
}
