# Build stage: compile the release binary.
FROM rust:1-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock build.rs ./
COPY src ./src
COPY data ./data
COPY benches ./benches
COPY migrations ./migrations
COPY seeds ./seeds
RUN cargo build --release --locked

# Runtime stage: the binary, the seed documents, a non-root user.
FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --home-dir /app itinerary \
    && mkdir -p /app/data && chown itinerary /app/data
WORKDIR /app
COPY --from=build /src/target/release/itinerary /usr/local/bin/itinerary
COPY seeds ./seeds
USER itinerary
ENV ITINERARY_LISTEN=0.0.0.0:8080 ITINERARY_SEEDS=/app/seeds \
    ITINERARY_DATABASE=sqlite:///app/data/itinerary.db
# the SQLite database (documents, edits): keep it across containers
VOLUME /app/data
EXPOSE 8080
ENTRYPOINT ["itinerary"]
CMD ["serve"]
