# Builds the ledger and runs it; docker-compose.yml points it at PostgreSQL.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY ledger-core ledger-core
COPY journal journal
COPY benchmarks/pom.xml benchmarks/pom.xml
COPY benchmarks/src benchmarks/src
COPY projections projections
COPY report-reader report-reader
COPY ledger-api ledger-api
COPY samples samples
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# Not root: the ledger's files (integrity key, users) belong to its own account.
RUN useradd --system --home-dir /var/lib/ledger --create-home ledger
WORKDIR /app
COPY --from=build /src/ledger-api/target/ledger.jar /app/ledger.jar
COPY docker-entrypoint.sh /app/docker-entrypoint.sh
ENV LEDGER_HOME=/var/lib/ledger
USER ledger
EXPOSE 8080
ENTRYPOINT ["/app/docker-entrypoint.sh"]
CMD ["serve"]
