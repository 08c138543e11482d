package io.tripline.simulator;

import io.tripline.simulator.access.CallAuthorizer;
import io.tripline.simulator.scenario.BaselineProfile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How to run: {@code seed} drives ids and jitter; {@code start} moves the scenario's timeline (and
 * places scripts without an absolute start); {@code tag} adds the run id to user agents;
 * {@code baselines} mixes normal activity in; {@code authorizer}, when not null, decides every
 * scenario step's call against an account's policies (IAM-aware replay).
 */
public record SimulationOptions(long seed, Optional<Instant> start, boolean tag, List<BaselineMix> baselines,
    CallAuthorizer authorizer) {

  public SimulationOptions(long seed, Optional<Instant> start, boolean tag, List<BaselineMix> baselines) {
    this(seed, start, tag, baselines, null);
  }

  /** Where scripts without an absolute start begin when no {@code --start} is given. */
  public static final Instant DEFAULT_START = Instant.parse("2024-03-14T14:00:00Z");

  public static SimulationOptions defaults() {
    return new SimulationOptions(1, Optional.empty(), true, List.of());
  }

  public SimulationOptions withSeed(long s) {
    return new SimulationOptions(s, start, tag, baselines, authorizer);
  }

  public SimulationOptions withStart(Instant s) {
    return new SimulationOptions(seed, Optional.of(s), tag, baselines, authorizer);
  }

  public SimulationOptions withTag(boolean t) {
    return new SimulationOptions(seed, start, t, baselines, authorizer);
  }

  public SimulationOptions withBaselines(List<BaselineMix> b) {
    return new SimulationOptions(seed, start, tag, List.copyOf(b), authorizer);
  }

  /** Decide scenario steps' calls with {@code a} (null: every call as scripted). */
  public SimulationOptions withAuthorizer(CallAuthorizer a) {
    return new SimulationOptions(seed, start, tag, baselines, a);
  }

  /** {@code count} records of normal activity from {@code profile}. */
  /** Most baseline records one {@code tripline simulate --baseline PROFILE:N} may ask for (it holds its records in memory). */
  public static final int MAX_BASELINE_RECORDS = 200_000;

  public record BaselineMix(BaselineProfile profile, int count) {}
}
