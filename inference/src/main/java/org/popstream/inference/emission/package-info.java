/**
 * pop-cosmos's emission-line corrections (science.md §2–3, issue 17): the emission-line Speculator
 * ({@link org.popstream.inference.emission.EmissionLineNetwork}), the generalised-normal bandpass models
 * ({@link org.popstream.inference.emission.BandpassModel}), the per-band, per-line flux contributions
 * c_{b,l}(θ) they give ({@link org.popstream.inference.emission.EmissionLineModel}; float32 TensorFlow ops in
 * {@link org.popstream.inference.emission.EmissionLineGraph}, a double-precision reference in
 * {@link org.popstream.inference.emission.JavaEmissionLineEmulator}), and the calibration that turns them
 * into a flux offset and an extra error ({@link org.popstream.inference.emission.EmissionLineTable},
 * {@link org.popstream.inference.emission.EmissionLineCorrection}).
 *
 * <h2>Inputs of the network: the shift/scale question</h2>
 * The network's stored input normalisation ({@code PCABasis.npz}: {@code parameters_shift},
 * {@code parameters_scale}) does not describe the inputs upstream gives it. For the dust and AGN columns
 * the shift and scale are, to 0.1 %, the mean and standard deviation of the <em>linear</em> quantities
 * under uniform draws of the transformed ones: column 8 (1.3340, 1.1926) = moments of dust2 = u², u ~ U[0, 2];
 * column 11 (0.2378, 0.5477) = f_agn log-uniform on [1e-5, 3]; column 12 (42.67, 38.58) = τ_agn log-uniform
 * on [5, 150]; likewise z (2.2505, 1.2990) = U[0, 4.5]. The photometry emulators, by contrast, are normalised
 * for ln f_agn (−5.21, 3.63) and ln τ_agn. Upstream's {@code CatalogueGenerator} nevertheless passes the
 * emulator-transformed vector (sqrt(dust2), ln f_agn, ln τ_agn) to {@code EmLineEmulator}, and the golden
 * values — made by calling upstream's modules — agree with that call to 5e-14 (double) while the linear
 * quantities miss them by up to 476 mag. So the network was trained on one parametrisation and is called
 * with another; the Leistedt et al. 2023 line offsets were calibrated through that call. popstream feeds
 * exactly what upstream feeds ({@link org.popstream.inference.emission.EmissionLineNetwork#INPUT_NAMES}),
 * which keeps the published offsets meaningful; a refitted table ({@code calibrate --emission-lines fit})
 * would absorb the mismatch the same way. The test
 * {@code EmissionLineGoldenTest#networkTakesSqrtDustAndLogAgnAsUpstreamPassesThemDespiteItsShiftAndScale}
 * records both facts.
 *
 * <h2>Errors</h2>
 * {@code EMLINEERRORS_LEISTEDT23} are read as the fractional line-strength standard deviations e_l (upstream
 * uses exp(ln_emline_scatters); the constants, floored at 1e-13 with only [O III] 5007 at 2.6 %, are the
 * scatters, not their logarithms — as logarithms they would mean 100 % errors on every line). Upstream adds
 * σ_EM,b = Σ_l e_l (1 + o_l) c_{b,l} linearly over lines before squaring; so do we.
 */
package org.popstream.inference.emission;
