# Builds the ledger and runs it; docker-compose.yml points it at PostgreSQL.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY ledger-core ledger-core
COPY journal journal
COPY benchmarks/pom.xml benchmarks/pom.xml
COPY benchmarks/src benchmarks/src
COPY projections projections
COPY ledger-api ledger-api
COPY samples samples
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/ledger-api/target/ledger.jar /app/ledger.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/ledger.jar"]
CMD ["serve"]
