package io.nurture.simulation;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The simulator over HTTP, for the marketers who build campaigns and for CI: see {@link SimulationRequest}. */
@RestController
@RequestMapping(path = "/api/simulations", produces = MediaType.APPLICATION_JSON_VALUE)
class SimulationController {

    private final Simulator simulator;

    SimulationController(Simulator simulator) {
        this.simulator = simulator;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    SimulationResult simulate(@RequestBody SimulationRequest request) {
        return simulator.simulate(request);
    }

    /** The preset personas, to pick from. */
    @GetMapping("/personas")
    List<Simulator.Preset> personas() {
        return simulator.presets();
    }
}
