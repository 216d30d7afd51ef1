package io.nurture.reporting;


import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;

import jakarta.servlet.http.HttpServletRequest;

import io.nurture.simulation.SimulationRequest;
import io.nurture.simulation.SimulationResult;
import io.nurture.simulation.Simulator;

/**
 * The simulator on the dashboard: pick a deployed campaign or upload an edited diagram, pick personas, and read the
 * persona table and each timeline. For the groups that may simulate over the API; the page's run carries a token of
 * the session, so another site's page cannot make a logged-in marketer's browser run simulations.
 */
@Controller
class DashboardSimulationController {

    private final Simulator simulator;
    private final DashboardWrites writes = new DashboardWrites("nurture.dashboard.simulationToken", "The simulator is");

    DashboardSimulationController(Simulator simulator) {
        this.simulator = simulator;
    }

    @GetMapping("/dashboard/simulations")
    String page(@RequestAttribute(DashboardAccessFilter.USER_ATTRIBUTE) String user, HttpServletRequest request,
            Model model) {
        writes.mayDo(request, "POST", "/api/simulations");
        model.addAttribute("user", user);
        model.addAttribute("campaigns", simulator.campaigns());
        model.addAttribute("presets", simulator.presets());
        model.addAttribute("token", writes.token(request.getSession()));
        return "dashboard-simulation";
    }

    @PostMapping(path = "/dashboard/simulations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    SimulationResult simulate(@RequestBody SimulationRequest simulation,
            @RequestHeader(name = DashboardWrites.TOKEN_HEADER, defaultValue = "") String token,
            HttpServletRequest request) {
        writes.mayWrite(request, token, "POST", "/api/simulations");
        return simulator.simulate(simulation);
    }
}
